package dev.chartfactory.core.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitIgnoreScaffolderTest {

  private final GitIgnoreScaffolder scaffolder = new GitIgnoreScaffolder();

  @Test
  void merged_withoutAFile_writesEveryEntry() {
    assertThat(scaffolder.merged(null)).isEqualTo("""
        # Chart Factory: helm dependency build output (make sync) and the tool's local state
        umbrella-chart/charts/
        umbrella-chart/Chart.lock
        umbrella-chart/tmpcharts/
        .factory/
        """);
  }

  @Test
  void merged_keepsTheUsersFile_andAppendsOnlyWhatIsMissing() {
    String users = "# ours\ntarget/\n/umbrella-chart/charts\n.factory/\n*.log";

    assertThat(scaffolder.merged(users)).isEqualTo(users + """

        
        # Chart Factory: helm dependency build output (make sync) and the tool's local state
        umbrella-chart/Chart.lock
        umbrella-chart/tmpcharts/
        """);
  }

  @Test
  void merged_whenEveryEntryIsThere_changesNothing() {
    String complete = scaffolder.merged("node_modules/\n");

    assertThat(scaffolder.merged(complete)).isNull();
  }
}
