package dev.chartfactory.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of core, checked on every build so it survives the people who made it. */
class ArchitectureTest {

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chartfactory.core");

  @Test
  void corePackages_haveNoCycles() {
    // Every package its own slice, the root package (listener, workers) included.
    slices().matching("dev.chartfactory.(**)").should().beFreeOfCycles().check(CORE);
    noClasses().that().resideInAPackage("dev.chartfactory.core")
        .should().dependOnClassesThat().resideInAPackage("dev.chartfactory.core.(*)..")
        .because("the root package holds what every stage shares, so it must depend on none of them")
        .check(CORE);
  }

  @Test
  void theSpecModelAndErrors_dependOnNoStage() {
    noClasses().that().resideInAnyPackage("dev.chartfactory.core.spec..", "dev.chartfactory.core.error..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chartfactory.core.load..",
            "dev.chartfactory.core.check..", "dev.chartfactory.core.resolve..", "dev.chartfactory.core.render..",
            "dev.chartfactory.core.umbrella..", "dev.chartfactory.core.validate..", "dev.chartfactory.core.write..",
            "dev.chartfactory.core.git..", "dev.chartfactory.core.helm..", "dev.chartfactory.core.pipeline..")
        .check(CORE);
  }

  @Test
  void coreUsesNeitherSpringNorTheCli() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.chartfactory.cli..")
        .check(CORE);
  }
}
