package dev.chartfactory.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.ErrorKind;
import dev.chartfactory.core.error.StaleOutputException;
import dev.chartfactory.core.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflows behind core's API, driven the way the CLI drives them, on the small example. */
class ChartFactoryTest {

  private final ChartFactory factory = new ChartFactory(PipelineListener.SILENT);

  @TempDir
  Path temp;

  @Test
  void generate_thenCheck_isUpToDate_andAStaleChartIsReportedPerFile() throws Exception {
    Path repo = smallExampleWithoutCharts();

    GenerateResult dryRun = factory.generate(GenerateRequest.all(repo.toString(), true, true));
    assertThat(dryRun.dryRun()).isTrue();
    assertThat(dryRun.changes()).extracting(ChangedChart::folder).contains("umbrella-chart");
    assertThat(repo.resolve("umbrella-chart")).doesNotExist();

    GenerateResult written = factory.generate(GenerateRequest.all(repo.toString(), false, true));
    assertThat(written.changes()).isEqualTo(dryRun.changes());
    assertThat(written.commitRequested()).isFalse();
    assertThat(factory.check(new CheckRequest(repo.toString(), null, OutputFormat.TEXT)).upToDate()).isTrue();

    Path values = repo.resolve("umbrella-chart/values.yaml");
    Files.writeString(values, Files.readString(values) + "# edited by hand\n");
    CheckResult stale = factory.check(new CheckRequest(repo.toString(), null, OutputFormat.TEXT));

    assertThat(stale.upToDate()).isFalse();
    assertThat(stale.stale()).extracting(problem -> problem.location().file())
        .contains("umbrella-chart/values.yaml");
    StaleOutputException failure = catchThrowableOfType(StaleOutputException.class, stale::requireUpToDate);
    assertThat(failure.kind()).isEqualTo(ErrorKind.STALE_OUTPUT);
  }

  @Test
  void generate_ofAnUnknownApp_isAUsageErrorWithAHint() throws Exception {
    Path repo = smallExampleWithoutCharts();
    String app = Files.list(repo.resolve("apps")).findFirst().orElseThrow().getFileName().toString();

    UsageException failure = catchThrowableOfType(UsageException.class,
        () -> factory.generate(GenerateRequest.app(repo.toString(), app + "x", true, true)));

    assertThat(failure).hasMessageContaining("is not an app of this repo").hasMessageContaining("did you mean '" + app + "'?");
    assertThat(repo.resolve("charts")).doesNotExist();
  }

  @Test
  void diff_toWithoutFrom_isAUsageError() throws Exception {
    Path repo = smallExampleWithoutCharts();

    assertThat(catchThrowableOfType(UsageException.class,
        () -> factory.diff(new DiffRequest(repo.toString(), null, null, "main", OutputFormat.TEXT))))
        .hasMessage("--to: needs --from (expected --from REF [--to REF])");
    assertThat(OutputFormat.of("markdown")).isEqualTo(OutputFormat.MARKDOWN);
    assertThat(catchThrowableOfType(UsageException.class, () -> OutputFormat.of("yaml"))).hasMessageContaining("--output");
  }

  private Path smallExampleWithoutCharts() {
    Path repo = temp.resolve("small");
    TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/small"), repo);
    return repo;
  }
}
