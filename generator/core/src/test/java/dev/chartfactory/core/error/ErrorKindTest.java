package dev.chartfactory.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.load.DirectorySpecSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorKindTest {

  private static final Problem PROBLEM = Problem.at(SourceLocation.ofFile("factory.yaml"), "", "wrong");

  @TempDir
  Path temp;

  @Test
  void everyFailureSaysItsKind() {
    assertThat(SpecException.of(PROBLEM).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(new RenderException(List.of(PROBLEM)).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(new ValidationException(List.of(PROBLEM)).kind()).isEqualTo(ErrorKind.INVALID_INPUT);
    assertThat(new StaleOutputException("stale", List.of(PROBLEM)).kind()).isEqualTo(ErrorKind.STALE_OUTPUT);
    assertThat(new GitException("no ref").kind()).isEqualTo(ErrorKind.GIT_FAILURE);
    assertThat(new HelmException("helm failed").kind()).isEqualTo(ErrorKind.HELM_FAILURE);
    assertThat(new UsageException("--env", "unknown").kind()).isEqualTo(ErrorKind.USAGE);
    assertThat(new InternalException("broken").kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(FileAccessException.of("cannot read x", new IOException("denied")).kind())
        .isEqualTo(ErrorKind.FILE_ACCESS);
  }

  @Test
  void aUsageError_namesTheOptionAndTheHint() {
    UsageException usage = new UsageException("--env", "'dve' is not an environment", "did you mean 'dev'?");

    assertThat(usage).hasMessage("--env: 'dve' is not an environment; did you mean 'dev'?");
    assertThat(usage.problems()).isEmpty();
  }

  @Test
  void aMissingConfigRepo_isInvalidInput() {
    InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
        () -> new DirectorySpecSource(temp.resolve("nowhere")));

    assertThat(missing).hasMessageContaining("config repo not found").hasMessageContaining("perhaps --repo is wrong?");
  }

  @Test
  void aFileThatCannotBeRead_isAFileAccessError_namingTheFile() throws IOException {
    Files.writeString(temp.resolve("factory.yaml"), "platform: {}\n");
    DirectorySpecSource source = new DirectorySpecSource(temp);

    FileAccessException failure = catchThrowableOfType(FileAccessException.class, () -> source.read("apps/gone/app.yaml"));

    assertThat(failure.kind()).isEqualTo(ErrorKind.FILE_ACCESS);
    assertThat(failure).hasMessageStartingWith("cannot read apps/gone/app.yaml: ");
  }

  @Test
  void aPathOutsideTheRepo_isInvalidInput() throws IOException {
    Files.writeString(temp.resolve("factory.yaml"), "platform: {}\n");
    DirectorySpecSource source = new DirectorySpecSource(temp);

    assertThat(catchThrowableOfType(InvalidInputException.class, () -> source.read("../outside.yaml")))
        .hasMessage("path escapes the config repo: ../outside.yaml");
  }
}
