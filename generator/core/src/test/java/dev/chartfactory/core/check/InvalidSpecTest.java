package dev.chartfactory.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each folder under {@code invalid/} holds the files that break the valid {@code _base} repo
 * and {@code expected.txt}, the exact problems the user must see. Run with
 * {@code -Dgolden.update=true} to rewrite the expectations, then review the diff.
 */
class InvalidSpecTest {

  private static final Pipeline PIPELINE = new Pipeline(PipelineListener.SILENT);

  @TempDir Path temp;

  @Test
  void baseRepo_isValid() {
    Path repo = TestRepos.baseRepo(temp.resolve("base"));
    assertThat(PIPELINE.resolve(new DirectorySpecSource(repo)).baseApps()).containsOnlyKeys("shop");
  }

  @TestFactory
  Stream<DynamicTest> invalidCases() throws IOException {
    Path cases = TestRepos.resource("invalid");
    List<Path> dirs;
    try (Stream<Path> list = Files.list(cases)) {
      dirs = list.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("_"))
          .sorted().toList();
    }
    assertThat(dirs).hasSizeGreaterThan(10);
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path caseDir) throws IOException {
    Path repo = TestRepos.baseRepo(temp.resolve(caseDir.getFileName().toString()));
    try (Stream<Path> files = Files.walk(caseDir)) {
      files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("expected.txt"))
          .forEach(f -> {
            try {
              Path target = repo.resolve(caseDir.relativize(f).toString());
              Files.createDirectories(target.getParent());
              Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    Path expectedFile = caseDir.resolve("expected.txt");
    SpecException failure = (SpecException) org.assertj.core.api.Assertions.catchThrowable(
        () -> PIPELINE.resolve(new DirectorySpecSource(repo)));
    assertThat(failure).as("case %s must be rejected", caseDir.getFileName()).isNotNull();
    String actual = failure.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")) + "\n";
    for (Problem problem : failure.problems()) {
      assertThat(problem.location().file()).as("every problem names its file").isNotBlank();
    }
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expectedFile, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expectedFile));
  }

  @Test
  void problems_inSeveralFiles_areAllReportedInOneRun() {
    Path repo = TestRepos.baseRepo(temp.resolve("many"));
    TestRepos.write(repo, java.util.Map.of(
        "apps/shop/instances/dev.yaml", "version: 1.0.0\nreplicas: 3\n",
        "environments/prod.yaml", "name: prod\n",
        "apps/blog/app.yaml", "name: blog\ncomponents: {web: {type: webapp, image: blog, port: 99999}}\n"));
    assertThatThrownBy(() -> PIPELINE.resolve(new DirectorySpecSource(repo)))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems()).extracting(p -> p.location().file())
            .containsExactly("apps/blog/app.yaml", "apps/shop/instances/dev.yaml", "environments/prod.yaml"))
        .hasMessage("3 problems in 3 spec files");
  }
}
