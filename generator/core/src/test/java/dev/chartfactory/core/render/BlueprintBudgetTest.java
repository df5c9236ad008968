package dev.chartfactory.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.RenderException;
import dev.chartfactory.core.error.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's blueprint cannot make a run hang, eat the machine's memory or write half a chart:
 * every render has a budget, and whatever Jinjava would only record as a warning (a cycle, a
 * truncated value) fails the blueprint at its file and line.
 *
 * <p>The timeouts are guards, generous on purpose: without the budget these blueprints ran for
 * a minute or more.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlueprintBudgetTest {

  private static final String BLUEPRINT = "templates/webapp/extra.yaml.j2";

  @TempDir Path temp;

  @Test
  void render_whenLoopsNestAMillionTimesOver_stopsAtTheBudgetWithTheLoopsLine() {
    Path repo = repoWith("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-loops
        data:
          x: "[% for a in range(1000) %][% for b in range(1000) %][% for c in range(1000) %]x[% endfor %][% endfor %][% endfor %]"
        """);

    Problem problem = renderProblem(repo);

    assertThat(problem.location().file()).isEqualTo(BLUEPRINT);
    assertThat(problem.location().line()).isEqualTo(6);
    assertThat(problem.message()).contains("budget").contains("steps");
    assertThat(Files.exists(repo.resolve("charts"))).isFalse();
  }

  @Test
  void render_whenMacrosCallEachOtherTwiceInAChain_stopsAtTheBudget() {
    String chain = IntStream.rangeClosed(1, 29).mapToObj(level ->
        "[% macro m" + level + "() %][[ m" + (level + 1) + "() ]][[ m" + (level + 1) + "() ]][% endmacro %]")
        .collect(Collectors.joining("\n"));
    Path repo = repoWith("[% macro m30() %]xxxxxxxxxxxxxxxx[% endmacro %]\n" + chain + """

        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-macros
        data:
          x: "[[ m1() ]]"
        """);

    Problem problem = renderProblem(repo);

    assertThat(problem.location().file()).isEqualTo(BLUEPRINT);
    assertThat(problem.location().line()).isPositive();
    assertThat(problem.message()).contains("budget");
  }

  @Test
  void render_whenAMacroCallsItselfWithoutEnd_reportsTheRecursionInsteadOfATruncatedChart() {
    Path repo = repoWith("""
        [% macro deeper(n) %][[ n ]] [[ deeper(n + 1) ]][% endmacro %]
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-recursion
        data:
          x: "[[ deeper(0) ]]"
        """);

    Problem problem = renderProblem(repo);

    assertThat(problem.location().file()).isEqualTo(BLUEPRINT);
    assertThat(problem.location().line()).isEqualTo(1);
    assertThat(problem.message()).contains("macro 'deeper'").contains("recursion")
        .contains("expected at most " + BlueprintEngine.MAX_MACRO_DEPTH + " nested macro calls");
    assertThat(Files.exists(repo.resolve("charts"))).isFalse();
  }

  @Test
  void render_whenARangeAsksForMoreThanTheLimit_failsInsteadOfCuttingTheListShort() {
    Path repo = repoWith("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-range
        data:
          count: "[[ range(5000)|length ]]"
        """);

    Problem problem = renderProblem(repo);

    assertThat(problem.toString()).startsWith(BLUEPRINT + ":6:").contains("range").contains("1000");
  }

  @Test
  void render_whenTheBudgetIsConfiguredSmaller_refusesWhatTheDefaultAllows() {
    String loops = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: [[ component.name ]]-small
        data:
          x: "[% for a in range(100) %][% for b in range(100) %]x[% endfor %][% endfor %]"
        """;
    BlueprintEngine roomy = new BlueprintEngine(Map.of("webapp/extra.yaml.j2", loops));
    BlueprintEngine tight = new BlueprintEngine(Map.of("webapp/extra.yaml.j2", loops),
        new RenderBudget(Duration.ofSeconds(5), 1_000));
    Map<String, Object> context = Map.of("component", Map.of("name", "web"));

    assertThat(roomy.render("webapp/extra.yaml.j2", context)).contains("x".repeat(10_000));
    assertThatThrownBy(() -> tight.render("webapp/extra.yaml.j2", context))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("1 template problem")
        .satisfies(e -> assertThat(((RenderException) e).problems().get(0).message())
            .contains("budget of 1000 steps").contains(RenderBudget.MAX_STEPS_VARIABLE));
  }

  @Test
  void render_whenTheTimeBudgetRunsOut_namesTheTimeAndHowToRaiseIt() {
    BlueprintEngine impatient = new BlueprintEngine(Map.of("webapp/extra.yaml.j2", """
        [% for a in range(1000) %][% for b in range(1000) %][% for c in range(1000) %][% endfor %][% endfor %][% endfor %]
        """), new RenderBudget(Duration.ofMillis(200), Long.MAX_VALUE));

    assertThatThrownBy(() -> impatient.render("webapp/extra.yaml.j2", Map.of()))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).problems().get(0).toString())
            .startsWith("templates/webapp/extra.yaml.j2:1:")
            .contains("200 ms").contains(RenderBudget.TIMEOUT_VARIABLE));
  }

  @Test
  void render_whenTagsNestDeeperThanTheStack_reportsItInsteadOfCrashing() {
    BlueprintEngine engine = new BlueprintEngine(Map.of("webapp/extra.yaml.j2",
        "[% if true %]".repeat(20_000) + "x" + "[% endif %]".repeat(20_000)));

    assertThatThrownBy(() -> engine.render("webapp/extra.yaml.j2", Map.of()))
        .isInstanceOf(RenderException.class)
        .satisfies(e -> assertThat(((RenderException) e).problems().get(0).toString())
            .startsWith("templates/webapp/extra.yaml.j2:1:").contains("nests too deeply"));
  }

  @Test
  void budget_readsItsLimitsFromTheEnvironment() {
    assertThat(RenderBudget.from(Map.of())).isEqualTo(RenderBudget.DEFAULT);
    assertThat(RenderBudget.from(Map.of(RenderBudget.TIMEOUT_VARIABLE, "20s", RenderBudget.MAX_STEPS_VARIABLE, "50000")))
        .isEqualTo(new RenderBudget(Duration.ofSeconds(20), 50_000));
    assertThat(RenderBudget.from(Map.of(RenderBudget.TIMEOUT_VARIABLE, "1500ms")).timeout())
        .isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> RenderBudget.from(Map.of(RenderBudget.TIMEOUT_VARIABLE, "soon")))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).report())
            .contains(RenderBudget.TIMEOUT_VARIABLE + ": 'soon' is not a valid limit (expected"));
  }

  private Path repoWith(String blueprint) {
    Path repo = TestRepos.baseRepo(temp.resolve("repo"));
    TestRepos.write(repo, Map.of(BLUEPRINT, blueprint));
    return repo;
  }

  private static Problem renderProblem(Path repo) {
    List<Problem> problems = List.of();
    try {
      Generated.generate(repo);
    } catch (RenderException e) {
      problems = e.problems();
    }
    assertThat(problems).as("the blueprint must fail to render").isNotEmpty();
    return problems.get(0);
  }
}
