package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.error.ErrorKind;
import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.RenderException;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.error.StaleOutputException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.error.ValidationException;
import dev.chartfactory.core.helm.HelmClusterUnreachableException;
import dev.chartfactory.core.helm.HelmException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

  private static final Problem PROBLEM = Problem.at(new SourceLocation("apps/shop/app.yaml", 3, 5), "image", "missing");

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ExitCodes exitCodes = new ExitCodes(new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void everyKindHasOneExitCode_keepingTheCodesScriptsKnow() {
    assertThat(ExitCodes.codeFor(ErrorKind.INVALID_INPUT)).isEqualTo(1);
    assertThat(ExitCodes.codeFor(ErrorKind.FILE_ACCESS)).isEqualTo(1);
    assertThat(ExitCodes.codeFor(ErrorKind.USAGE)).isEqualTo(1);
    assertThat(ExitCodes.codeFor(ErrorKind.STALE_OUTPUT)).isEqualTo(2);
    assertThat(ExitCodes.codeFor(ErrorKind.GIT_FAILURE)).isEqualTo(3);
    assertThat(ExitCodes.codeFor(ErrorKind.HELM_FAILURE)).isEqualTo(3);
    assertThat(ExitCodes.codeFor(ErrorKind.INTERNAL)).isEqualTo(70);
  }

  @Test
  void theExitCodeFollowsFromTheKind_notFromTheClassName() {
    assertThat(code(SpecException.of(PROBLEM))).isEqualTo(1);
    assertThat(code(new RenderException(List.of(PROBLEM)))).isEqualTo(1);
    assertThat(code(new ValidationException(List.of(PROBLEM)))).isEqualTo(1);
    assertThat(code(FileAccessException.of("cannot read x", new IOException("denied")))).isEqualTo(1);
    assertThat(code(new StaleOutputException("charts are stale", List.of(PROBLEM)))).isEqualTo(2);
    assertThat(code(new GitException("no such ref"))).isEqualTo(3);
    assertThat(code(new HelmException("helm failed"))).isEqualTo(3);
    assertThat(code(new HelmClusterUnreachableException("no cluster", List.of("helm"), "", null))).isEqualTo(3);
    assertThat(code(new UsageException("--env", "'dve' is not an environment"))).isEqualTo(1);
    assertThat(code(new InternalException("missing from the build: x"))).isEqualTo(70);
  }

  @Test
  void anUnexpectedException_isAnInternalError_askingForABugReport() {
    // Named like the exceptions the old class-name rule mapped to exit 3 and 1.
    int code = code(new IllegalStateException("GitHelmStale broken invariant"));

    assertThat(code).isEqualTo(70);
    assertThat(err()).contains("internal error: java.lang.IllegalStateException: GitHelmStale broken invariant",
        "This is a bug in Chart Factory", "please report it");
    assertThat(err()).doesNotContain("problem in");
  }

  @Test
  void aWrappedFailure_isMappedByWhatItWraps() {
    Exception wrapped = new RuntimeException(new InvocationTargetException(new UncheckedIOException(new IOException("x"))));

    assertThat(ExitCodes.kindOf(ExitCodes.unwrap(new InvocationTargetException(new GitException("no ref")))))
        .isEqualTo(ErrorKind.GIT_FAILURE);
    assertThat(code(wrapped)).isEqualTo(70);
  }

  @Test
  void aUsageError_namesTheCommandAndShowsItsSynopsis_notASpecFile() {
    int code = exitCodes.forCommand("deploy")
        .apply(new UsageException("--env", "'dve' is not an environment (expected one of: dev)", "did you mean 'dev'?"))
        .code();

    assertThat(code).isEqualTo(1);
    assertThat(err()).startsWith("error: deploy: --env: 'dve' is not an environment (expected one of: dev);"
        + " did you mean 'dev'?\nusage: factory deploy --env ENV");
    assertThat(err()).doesNotContain("spec file", "<command line>");
  }

  @Test
  void aSpecProblem_isReportedWithItsFileAndLine() {
    code(SpecException.of(PROBLEM));

    assertThat(err()).isEqualTo("apps/shop/app.yaml:3:5: image: missing\n1 problem in 1 spec file\n");
  }

  private int code(Exception failure) {
    return exitCodes.apply(failure).code();
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
