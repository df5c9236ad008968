package dev.chartfactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The layering of core, checked on every build so it survives the people who made it. */
class ArchitectureTest {

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.chartfactory.core");

  @Test
  void corePackages_haveNoCycles() {
    // Every package its own slice, the root package (listener, workers) included.
    assertThat(CORE.contain(PipelineListener.class)).as("core imported").isTrue();
    assertHolds(slices().matching("dev.chartfactory.(**)").should().beFreeOfCycles(), CORE);
    assertHolds(noClasses().that().resideInAPackage("dev.chartfactory.core")
        .should().dependOnClassesThat().resideInAPackage("dev.chartfactory.core.(*)..")
        .because("the root package holds what every stage shares, so it must depend on none of them"), CORE);
  }

  @Test
  void theSpecModelAndErrors_dependOnNoStage() {
    assertHolds(noClasses().that().resideInAnyPackage("dev.chartfactory.core.spec..", "dev.chartfactory.core.error..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.chartfactory.core.load..",
            "dev.chartfactory.core.check..", "dev.chartfactory.core.resolve..", "dev.chartfactory.core.render..",
            "dev.chartfactory.core.umbrella..", "dev.chartfactory.core.validate..", "dev.chartfactory.core.write..",
            "dev.chartfactory.core.git..", "dev.chartfactory.core.helm..", "dev.chartfactory.core.pipeline.."), CORE);
  }

  @Test
  void coreUsesNeitherSpringNorTheCli() {
    assertHolds(noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
        .orShould().dependOnClassesThat().resideInAPackage("dev.chartfactory.cli.."), CORE);
  }

  @Test
  void theCycleRule_findsACycle_whenThereIsOne() {
    // Two test-only packages that import each other: the rule used above must report them.
    JavaClasses cyclic = new ClassFileImporter().importPackages("dev.chartfactory.core.archfixture");
    EvaluationResult result = slices().matching("dev.chartfactory.(**)").should().beFreeOfCycles().evaluate(cyclic);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("archfixture.left", "archfixture.right");
  }

  /** The rule's violations, listed in the failure. */
  private static void assertHolds(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
  }
}
