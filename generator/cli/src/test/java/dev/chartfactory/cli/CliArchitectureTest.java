package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.chartfactory.core.PipelineListener;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.annotation.Command;

/**
 * The CLI sits on top of core and only reads options, calls core's API and prints: nothing below
 * it knows it, no package cycle runs through it, and it sees no stage of core.
 */
class CliArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chartfactory.cli", "dev.chartfactory.core");

  /** What core offers the CLI: the API, the spec model, the errors, and the progress listener. */
  private static final DescribedPredicate<JavaClass> CORE_FOR_THE_CLI =
      resideInAnyPackage("dev.chartfactory.core.api..", "dev.chartfactory.core.spec..", "dev.chartfactory.core.error..")
          .or(belongToAnyOf(PipelineListener.class));

  private static final DescribedPredicate<JavaClass> DECLARE_COMMANDS = DescribedPredicate.describe(
      "declare a @Command method", javaClass -> javaClass.getMethods().stream()
          .anyMatch(method -> method.isAnnotatedWith(Command.class)));

  @Test
  void cliAndCore_haveNoPackageCycles() {
    assertThat(CLASSES.contain(GenerateCommands.class) && CLASSES.contain("dev.chartfactory.core.api.ChartFactory"))
        .as("both modules imported").isTrue();
    assertHolds(slices().matching("dev.chartfactory.(**)").should().beFreeOfCycles());
  }

  @Test
  void everyCommandClass_usesOnlyCoresApiSpecAndErrors_theJdkAndSpringShell() {
    // The rule below must cover every command the CLI runs, not a class list that goes stale.
    assertThat(CLASSES.stream().filter(DECLARE_COMMANDS).map(JavaClass::getName).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(DirectRunner.COMMAND_CLASSES.stream().map(Class::getName).toList());
    assertHolds(classes().that(DECLARE_COMMANDS).should().onlyDependOnClassesThat(
        resideInAnyPackage("java..", "dev.chartfactory.cli..", "org.springframework.shell..",
            // @Component: how Spring Shell finds the command classes.
            "org.springframework.stereotype..")
            .or(CORE_FOR_THE_CLI))
        .because("a command reads options, calls core's API and prints the result"));
  }

  @Test
  void noCliClass_seesAStageOfCore() {
    assertHolds(noClasses().that().resideInAPackage("dev.chartfactory.cli..")
        .should().dependOnClassesThat(resideInAPackage("dev.chartfactory.core..").and(not(CORE_FOR_THE_CLI)))
        .because("the workflows and stages live behind core's API; the CLI's helpers format what it returns"));
  }

  @Test
  void coreNeverDependsOnTheCli() {
    assertHolds(noClasses().that().resideInAPackage("dev.chartfactory.core..")
        .should().dependOnClassesThat().resideInAPackage("dev.chartfactory.cli.."));
  }

  /** The rule's violations, listed in the failure; a rule that matched no class fails too. */
  private static void assertHolds(ArchRule rule) {
    EvaluationResult result = rule.evaluate(CLASSES);
    assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
  }
}
