package dev.chartfactory.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.Eventually;
import dev.chartfactory.dashboard.support.TestCluster;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two replicas compete for one Lease on the mock API server; only one may write. */
class LeadershipTest {

  @Test
  void elected_whenTwoReplicasCompete_exactlyOneLeads() {
    try (TestCluster cluster = new TestCluster();
        Leadership first = Leadership.elected(cluster.client(), "platform", "dashboard-leader", "replica-a");
        Leadership second = Leadership.elected(cluster.client(), "platform", "dashboard-leader", "replica-b")) {
      AtomicInteger becameLeader = new AtomicInteger();

      first.start(becameLeader::incrementAndGet);
      Eventually.within(Duration.ofSeconds(20), () -> assertThat(first.isLeader()).isTrue());
      second.start(becameLeader::incrementAndGet);
      Eventually.within(Duration.ofSeconds(20), () -> assertThat(second.currentLeader()).isEqualTo("replica-a"));

      assertThat(second.isLeader()).isFalse();
      assertThat(becameLeader).hasValue(1);
      assertThat(cluster.client().leases().inNamespace("platform").withName("dashboard-leader").get()
          .getSpec().getHolderIdentity()).isEqualTo("replica-a");
    }
  }

  @Test
  void always_whenElectionIsOff_writes() {
    assertThat(Leadership.always().isLeader()).isTrue();
  }
}
