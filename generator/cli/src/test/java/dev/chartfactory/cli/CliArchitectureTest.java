package dev.chartfactory.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The CLI sits on top of core: nothing below it knows it, and no package cycle runs through it. */
class CliArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chartfactory.cli", "dev.chartfactory.core");

  @Test
  void cliAndCore_haveNoPackageCycles() {
    slices().matching("dev.chartfactory.(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theThinCommands_useOnlyCoresApiSpecAndErrors() {
    noClasses().that().haveSimpleName("GenerateCommands").or().haveSimpleName("DiffCommands")
        .should().dependOnClassesThat(resideInAPackage("dev.chartfactory.core..")
            .and(not(resideInAnyPackage("dev.chartfactory.core.api..", "dev.chartfactory.core.spec..",
                "dev.chartfactory.core.error..")))
            .and(not(resideInAPackage("dev.chartfactory.core"))))
        .because("a command reads options, calls core's API and prints the result")
        .check(CLASSES);
  }

  @Test
  void coreNeverDependsOnTheCli() {
    noClasses().that().resideInAPackage("dev.chartfactory.core..")
        .should().dependOnClassesThat().resideInAPackage("dev.chartfactory.cli..")
        .check(CLASSES);
  }
}
