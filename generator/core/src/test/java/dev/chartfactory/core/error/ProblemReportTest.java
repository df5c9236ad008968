package dev.chartfactory.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a person (or a CI log) sees of problems: one line each, nothing a spec can smuggle in. */
class ProblemReportTest {

  private static final SourceLocation AT = new SourceLocation("apps/shop/app.yaml", 7, 15);

  @Test
  void problem_whenTheMessageCarriesControlCharacters_printsThemEscapedOnOneLine() {
    Problem problem = Problem.at(AT, "components.nightly.timeZone",
        "\"UTC\n::error file=apps/shop/app.yaml,line=1::owned\u001b[31mred\u009b2J\u0007\u202e\" is not a time zone")
        .withHint("did you mean \u001b]8;;http://evil\u0007this\u001b]8;;\u0007?");

    String printed = problem.toString();

    assertThat(printed).doesNotContain("\n", "\u001b", "\u009b", "\u0007", "\u202e");
    assertThat(printed.chars().filter(c -> c < 0x20 || c >= 0x7f && c < 0xa0)).isEmpty();
    assertThat(printed).isEqualTo("apps/shop/app.yaml:7:15: components.nightly.timeZone: \"UTC\\n::error"
        + " file=apps/shop/app.yaml,line=1::owned\\u001b[31mred\\u009b2J\\u0007\\u202e\" is not a time zone;"
        + " did you mean \\u001b]8;;http://evil\\u0007this\\u001b]8;;\\u0007?");
  }

  @Test
  void report_whenTheSummaryCarriesControlCharacters_escapesItToo() {
    FactoryException failure = new InvalidInputException("'web\u001b[2J' is not an app", List.of());

    assertThat(failure.report()).isEqualTo("'web\\u001b[2J' is not an app");
  }

  @Test
  void report_whenThereAreMoreThan200Problems_printsTheFirst200AndCountsTheRest() {
    List<Problem> problems = IntStream.rangeClosed(1, 250)
        .mapToObj(line -> Problem.at(new SourceLocation("apps/shop/app.yaml", line, 3), "env", "problem " + line))
        .toList();

    List<String> lines = new SpecException(problems).report().lines().toList();

    assertThat(lines).hasSize(202);
    assertThat(lines.get(0)).isEqualTo("apps/shop/app.yaml:1:3: env: problem 1");
    assertThat(lines.get(199)).isEqualTo("apps/shop/app.yaml:200:3: env: problem 200");
    assertThat(lines.get(200)).isEqualTo("… and 50 more problems not shown ('factory validate --output json' lists them all)");
    assertThat(lines.get(201)).isEqualTo("250 problems in 1 spec file");
  }

  @Test
  void report_withAtMost200Problems_printsThemAll() {
    List<Problem> problems = IntStream.rangeClosed(1, 200)
        .mapToObj(line -> Problem.at(new SourceLocation("apps/shop/app.yaml", line, 3), "env", "problem " + line))
        .toList();

    assertThat(new SpecException(problems).report().lines()).hasSize(201).noneMatch(line -> line.contains("more problems"));
  }
}
