package dev.chartfactory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The dashboard reads the cluster; it never links the generator (core) or its CLI. */
class DashboardArchitectureTest {

  @Test
  void dashboard_doesNotDependOnTheGenerator() {
    JavaClasses dashboard = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.chartfactory.dashboard");

    assertThat(dashboard.contain(DashboardProperties.class)).as("dashboard imported").isTrue();
    EvaluationResult result = noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.chartfactory.core..", "dev.chartfactory.cli..").evaluate(dashboard);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }
}
