package dev.chartfactory.dashboard;

import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.cluster.InformerClusterSource;
import dev.chartfactory.dashboard.cluster.Leadership;
import dev.chartfactory.dashboard.store.ChangeBuffer;
import dev.chartfactory.dashboard.store.ChangeWriter;
import dev.chartfactory.dashboard.store.HistoryRepository;
import dev.chartfactory.dashboard.store.Retention;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import dev.chartfactory.dashboard.logs.LogLimits;
import dev.chartfactory.dashboard.rollout.RolloutHistory;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Wires the collecting side: client → informers → buffer → writer → Postgres. */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration {

  /** In the cluster the in-cluster config, outside it the current kubeconfig, unless a URL is set. */
  @Bean(destroyMethod = "close")
  KubernetesClient kubernetesClient(DashboardProperties properties) {
    String masterUrl = properties.kubernetes().masterUrl();
    Config config =
        masterUrl.isBlank()
            ? Config.autoConfigure(null)
            : new ConfigBuilder(Config.empty()).withMasterUrl(masterUrl).withTrustCerts(true).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean(destroyMethod = "close")
  ClusterSource clusterSource(KubernetesClient client, DashboardProperties properties, Clock clock) {
    return new InformerClusterSource(client, properties.namespaces(), properties.namespaceSelector(), clock);
  }

  @Bean
  ChangeBuffer changeBuffer(DashboardProperties properties) {
    return new ChangeBuffer(properties.buffer().capacity());
  }

  @Bean(destroyMethod = "close")
  Leadership leadership(KubernetesClient client, DashboardProperties properties) {
    var election = properties.leaderElection();
    if (!election.enabled()) {
      return Leadership.always();
    }
    String namespace =
        election.leaseNamespace().isBlank()
            ? (properties.namespaces().isEmpty() ? "default" : properties.namespaces().get(0))
            : election.leaseNamespace();
    String identity = election.identity().isBlank() ? hostName() : election.identity();
    return Leadership.elected(client, namespace, election.leaseName(), identity);
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "dashboard-" + ProcessHandle.current().pid() : host;
  }

  @Bean(destroyMethod = "close")
  ChangeWriter changeWriter(
      DataSource dataSource,
      ChangeBuffer buffer,
      ClusterSource source,
      Leadership leadership,
      DashboardProperties properties) {
    return new ChangeWriter(
        dataSource,
        buffer,
        source::snapshot,
        leadership::isLeader,
        properties.buffer().batchSize(),
        properties.buffer().retryDelay());
  }

  /** Trims old rows on the leader only; every replica has one, only the Lease holder deletes. */
  @Bean(destroyMethod = "close")
  Retention retention(DataSource dataSource, Clock clock, Leadership leadership, DashboardProperties properties) {
    var settings = properties.retention();
    return new Retention(dataSource, clock, leadership::isLeader, Retention.DASHBOARD_TABLES,
        settings.maxAge(), settings.batchSize(), settings.interval());
  }

  @Bean
  LogLimits logLimits(DashboardProperties properties) {
    var logs = properties.logs();
    return new LogLimits(logs.maxTailLines(), logs.maxTailBytes(), logs.maxFollowLines(), logs.maxFollowBytes(),
        logs.maxFollowTime(), logs.maxStreams());
  }

  /** One thread per open follow stream, at most maxStreams; more are refused, not queued. */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService logStreams(DashboardProperties properties) {
    return new ThreadPoolExecutor(0, properties.logs().maxStreams(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemon("dashboard-log-stream"));
  }

  /** Ends follow streams at their time limit. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService logTimer() {
    return Executors.newSingleThreadScheduledExecutor(daemon("dashboard-log-timer"));
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Bean
  RolloutHistory rolloutHistory(KubernetesClient client) {
    return new RolloutHistory(client);
  }

  @Bean
  HistoryRepository historyRepository(NamedParameterJdbcTemplate jdbc) {
    return new HistoryRepository(jdbc);
  }

  /** Starts collecting once the context (and Flyway) is ready; stops it first on shutdown. */
  @Bean
  SmartLifecycle collector(
      ClusterSource source, ChangeBuffer buffer, ChangeWriter writer, Leadership leadership, Retention retention) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        writer.start();
        source.start(
            change -> {
              if (leadership.isLeader()) {
                buffer.offer(change);
              }
            });
        leadership.start(
            () -> {
              buffer.clear();
              writer.requestResync();
            });
        retention.start();
        running = true;
      }

      @Override
      public void stop() {
        retention.close();
        source.close();
        // Give the writer a moment to write what is buffered; whatever is left is re-listed
        // (and deduplicated) by the informers of the next start.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (leadership.isLeader() && !writer.isIdle() && System.nanoTime() < deadline) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        leadership.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  @Bean
  MeterBinder dashboardMeters(
      ChangeBuffer buffer, ChangeWriter writer, Leadership leadership, ClusterSource source, Retention retention) {
    return registry -> {
    FunctionCounter.builder("dashboard.retention.deleted", retention, Retention::deletedCount)
        .description("rows deleted by retention")
        .register(registry);
    Gauge.builder("dashboard.buffer.size", buffer, ChangeBuffer::size)
        .description("changes waiting to be written")
        .register(registry);
    Gauge.builder("dashboard.buffer.capacity", buffer, ChangeBuffer::capacity).register(registry);
    FunctionCounter.builder("dashboard.buffer.overflow", buffer, ChangeBuffer::overflowCount)
        .description("changes dropped because the buffer was full")
        .register(registry);
    FunctionCounter.builder("dashboard.changes.written", writer, ChangeWriter::writtenCount)
        .description("changes written to the database")
        .register(registry);
    FunctionCounter.builder("dashboard.database.write.failures", writer, ChangeWriter::failureCount)
        .register(registry);
    Gauge.builder("dashboard.database.up", writer, w -> w.isDatabaseUp() ? 1 : 0).register(registry);
    Gauge.builder("dashboard.leader", leadership, l -> l.isLeader() ? 1 : 0).register(registry);
    Gauge.builder("dashboard.informers.synced", source, s -> s.hasSynced() ? 1 : 0).register(registry);
    };
  }
}
