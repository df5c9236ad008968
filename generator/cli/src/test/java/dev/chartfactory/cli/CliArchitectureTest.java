package dev.chartfactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The CLI sits on top of core: nothing below it knows it, and no package cycle runs through it. */
class CliArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chartfactory.cli", "dev.chartfactory.core");

  @Test
  void cliAndCore_haveNoPackageCycles() {
    assertThat(CLASSES.contain(GenerateCommands.class) && CLASSES.contain("dev.chartfactory.core.api.ChartFactory"))
        .as("both modules imported").isTrue();
    assertHolds(slices().matching("dev.chartfactory.(**)").should().beFreeOfCycles());
  }

  @Test
  void theThinCommands_useOnlyCoresApiSpecAndErrors() {
    assertHolds(noClasses().that().haveSimpleName("GenerateCommands").or().haveSimpleName("DiffCommands")
        .should().dependOnClassesThat(resideInAPackage("dev.chartfactory.core..")
            .and(not(resideInAnyPackage("dev.chartfactory.core.api..", "dev.chartfactory.core.spec..",
                "dev.chartfactory.core.error..")))
            .and(not(resideInAPackage("dev.chartfactory.core"))))
        .because("a command reads options, calls core's API and prints the result"));
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
