package dev.chartfactory.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.TestCluster;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

  @Test
  void podStatus_isThePhaseUnlessTerminatingOrBackingOff() {
    assertThat(StatusRules.podStatus(TestCluster.pod("ns", "a", "Running", "n"))).isEqualTo("Running");

    Pod terminating = TestCluster.pod("ns", "a", "Running", "n");
    terminating.getMetadata().setDeletionTimestamp("2026-11-23T12:00:00Z");
    assertThat(StatusRules.podStatus(terminating)).isEqualTo("Terminating");

    Pod crashing = TestCluster.pod("ns", "a", "Running", "n");
    crashing.getStatus().getContainerStatuses().add(new ContainerStatusBuilder()
        .withName("main").withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().build());
    assertThat(StatusRules.podStatus(crashing)).isEqualTo("CrashLoopBackOff");

    Pod noStatus = TestCluster.pod("ns", "a", "Running", "n");
    noStatus.setStatus(null);
    assertThat(StatusRules.podStatus(noStatus)).isEqualTo("Pending");
  }

  @Test
  void deploymentStatus_comparesAvailableWithDesiredReplicas() {
    assertThat(StatusRules.deploymentStatus(deployment(3, 3))).isEqualTo("Available");
    assertThat(StatusRules.deploymentStatus(deployment(3, 1))).isEqualTo("Progressing");
    assertThat(StatusRules.deploymentStatus(deployment(3, 0))).isEqualTo("Unavailable");
    assertThat(StatusRules.deploymentStatus(deployment(0, 0))).isEqualTo("ScaledDown");
  }

  @Test
  void jobStatus_followsConditionsThenCounters() {
    assertThat(StatusRules.jobStatus(new JobBuilder().withNewMetadata().withName("j").endMetadata().build())).isEqualTo("Pending");
    assertThat(StatusRules.jobStatus(new JobBuilder().withNewStatus().withActive(1).endStatus().build())).isEqualTo("Active");
    assertThat(StatusRules.jobStatus(new JobBuilder().withNewStatus()
        .addNewCondition().withType("Failed").withStatus("True").endCondition().endStatus().build())).isEqualTo("Failed");
    assertThat(StatusRules.jobStatus(new JobBuilder().withNewStatus().withSucceeded(1).endStatus().build())).isEqualTo("Complete");
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(int desired, int available) {
    return new DeploymentBuilder().withNewSpec().withReplicas(desired).endSpec()
        .withNewStatus().withAvailableReplicas(available).endStatus().build();
  }
}
