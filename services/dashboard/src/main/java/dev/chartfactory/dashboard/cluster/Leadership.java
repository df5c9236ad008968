package dev.chartfactory.dashboard.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether this replica writes to the database: always when election is off, otherwise
 * only while it holds the Lease (Fabric8 leader election).
 */
public final class Leadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Leadership.class);

  private final AtomicBoolean leader;
  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private volatile CompletableFuture<?> election;
  private volatile String currentLeader;

  private Leadership(KubernetesClient client, String namespace, String leaseName, String identity, boolean leader) {
    this.client = client;
    this.namespace = namespace;
    this.leaseName = leaseName;
    this.identity = identity;
    this.leader = new AtomicBoolean(leader);
    this.currentLeader = leader ? identity : null;
  }

  /** This replica always writes (single replica, local mode). */
  public static Leadership always() {
    return new Leadership(null, null, null, "local", true);
  }

  /** Replicas compete for the Lease {@code namespace/leaseName}. */
  public static Leadership elected(KubernetesClient client, String namespace, String leaseName, String identity) {
    return new Leadership(client, namespace, leaseName, identity, false);
  }

  /**
   * Starts competing for the Lease (no-op when election is off).
   *
   * @param onStartLeading called each time this replica becomes the writer
   */
  public synchronized void start(Runnable onStartLeading) {
    if (client == null || election != null) {
      return;
    }
    var config =
        new LeaderElectionConfigBuilder()
            .withName("dashboard")
            .withLock(new LeaseLock(namespace, leaseName, identity))
            .withLeaseDuration(Duration.ofSeconds(15))
            .withRenewDeadline(Duration.ofSeconds(10))
            .withRetryPeriod(Duration.ofSeconds(2))
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(
                new LeaderCallbacks(
                    () -> {
                      log.info("{} leads: writing to the database", identity);
                      leader.set(true);
                      onStartLeading.run();
                    },
                    () -> {
                      log.info("{} stopped leading: no longer writing", identity);
                      leader.set(false);
                    },
                    newLeader -> currentLeader = newLeader))
            .build();
    election = client.leaderElector().withConfig(config).build().start();
  }

  /** True while this replica may write. */
  public boolean isLeader() {
    return leader.get();
  }

  /** This replica's identity in the Lease. */
  public String identity() {
    return identity;
  }

  /** The identity of the current leader as last seen, or null. */
  public String currentLeader() {
    return currentLeader;
  }

  @Override
  public synchronized void close() {
    if (election != null) {
      election.cancel(true);
      election = null;
    }
  }
}
