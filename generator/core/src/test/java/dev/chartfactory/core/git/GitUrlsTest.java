package dev.chartfactory.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitUrlsTest {

  @Test
  void redact_hidesPasswordsAndHttpTokens_butKeepsSshUsers() {
    assertThat(GitUrls.redact("cannot fetch https://alice:tok3n@git.example.com/x.git: not authorized"))
        .isEqualTo("cannot fetch https://alice:***@git.example.com/x.git: not authorized");
    assertThat(GitUrls.redact("http://tok3n@127.0.0.1:8080/x.git and ssh://git@host/x.git"))
        .isEqualTo("http://***@127.0.0.1:8080/x.git and ssh://git@host/x.git");
    assertThat(GitUrls.redact("no url here, mail me@example.com")).isEqualTo("no url here, mail me@example.com");
  }

  @Test
  void split_takesCredentialsOutOfHttpUrls_andOnlyThePasswordOutOfSshUrls() {
    assertThat(GitUrls.split("https://alice:tok3n@git.example.com/x.git"))
        .isEqualTo(new GitUrls.Parsed("https://git.example.com/x.git", "alice", "tok3n"));
    assertThat(GitUrls.split("https://tok3n@git.example.com/x.git"))
        .isEqualTo(new GitUrls.Parsed("https://git.example.com/x.git", "tok3n", null));
    assertThat(GitUrls.split("ssh://git:pw@host:2222/x.git").url()).isEqualTo("ssh://git@host:2222/x.git");
    assertThat(GitUrls.split("git@host:x.git")).isEqualTo(new GitUrls.Parsed("git@host:x.git", null, null));
    assertThat(GitUrls.split("file:///tmp/x.git")).isEqualTo(new GitUrls.Parsed("file:///tmp/x.git", null, null));
  }
}
