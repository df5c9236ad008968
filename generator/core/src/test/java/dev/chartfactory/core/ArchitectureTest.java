package dev.chartfactory.core;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.chartfactory.core.error.FactoryException;
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
  void aPublicStageClass_isUsedOutsideItsPackage() {
    // What a stage offers the rest of core stays small: a class only its own package uses is
    // package-private. The API, the spec model and the errors are public for the CLI; a failure
    // type travels up to whoever catches it, and a record is what a public method returns.
    // IncrementalGenerator is public for the in-process benchmark until watch mode has its API.
    assertHolds(classes().that().arePublic().and().areTopLevelClasses()
        .and().resideOutsideOfPackages("dev.chartfactory.core", "dev.chartfactory.core.api..",
            "dev.chartfactory.core.spec..", "dev.chartfactory.core.error..")
        .and().areNotAssignableTo(FactoryException.class).and().areNotAssignableTo(Record.class)
        .and().doNotHaveFullyQualifiedName("dev.chartfactory.core.pipeline.IncrementalGenerator")
        .should(beUsedOutsideTheirPackage()), CORE);
  }

  private static ArchCondition<JavaClass> beUsedOutsideTheirPackage() {
    return new ArchCondition<>("be used from another package of core") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        boolean used = javaClass.getDirectDependenciesToSelf().stream()
            .anyMatch(dependency -> !dependency.getOriginClass().getPackageName().equals(javaClass.getPackageName()));
        if (!used) {
          events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
              + " is public, but only its own package uses it: make it package-private"));
        }
      }
    };
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
