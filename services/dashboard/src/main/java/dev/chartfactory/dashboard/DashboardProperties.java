package dev.chartfactory.dashboard;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dashboard.*}.
 *
 * <pre>{@code
 * dashboard:
 *   namespaces: [platform, shop]       # NAMESPACE=platform,shop
 *   namespace-selector: team=platform  # or watch every namespace with this label
 *   auth: {enabled: true, token: s3cret}
 *   buffer: {capacity: 100000, batch-size: 500}
 *   leader-election: {enabled: true, lease-name: dashboard-leader}
 *   retention: {max-age: 14d, batch-size: 5000, interval: 10m}
 * }</pre>
 *
 * @param namespaces namespaces to watch; ignored when a namespace selector is set
 * @param namespaceSelector label selector choosing the namespaces to watch (needs list on
 *     namespaces)
 * @param kubernetes how to reach the API server
 * @param auth bearer-token protection of {@code /api/**}
 * @param buffer the bounded buffer between the informers and the database
 * @param leaderElection which replica writes
 * @param retention how long history is kept
 * @param logs bounds on pod log requests
 * @param demo the API server is Fabric8's mock server with made-up objects ({@code make
 *     run-dashboard DEMO=true}); the page says "demo data"
 */
@ConfigurationProperties("dashboard")
public record DashboardProperties(
    @DefaultValue("platform") List<String> namespaces,
    @DefaultValue("") String namespaceSelector,
    @DefaultValue Kubernetes kubernetes,
    @DefaultValue Auth auth,
    @DefaultValue Buffer buffer,
    @DefaultValue LeaderElection leaderElection,
    @DefaultValue Retention retention,
    @DefaultValue Logs logs,
    @DefaultValue("false") boolean demo) {

  public DashboardProperties {
    namespaces = namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * @param masterUrl API server URL; empty means in-cluster config or the current kubeconfig
   */
  public record Kubernetes(@DefaultValue("") String masterUrl) {}

  /**
   * @param enabled whether {@code /api/**} needs {@code Authorization: Bearer <token>}
   * @param token the expected token (from a Secret through DASHBOARD_API_TOKEN)
   */
  public record Auth(@DefaultValue("true") boolean enabled, @DefaultValue("") String token) {}

  /**
   * @param capacity changes held while the database is unreachable; beyond it they are counted
   *     as overflow and the state is re-read from the informer caches once the database is back
   * @param batchSize changes written per transaction
   * @param retryDelay first wait after a failed write (doubles up to 10 s)
   */
  public record Buffer(
      @DefaultValue("100000") int capacity,
      @DefaultValue("500") int batchSize,
      @DefaultValue("250ms") Duration retryDelay) {}

  /**
   * @param enabled whether replicas elect a writer through a Lease; when off this replica writes
   * @param leaseName name of the Lease object
   * @param leaseNamespace namespace of the Lease; defaults to the first watched namespace
   * @param identity this replica's name in the Lease; defaults to HOSTNAME
   */
  public record LeaderElection(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("dashboard-leader") String leaseName,
      @DefaultValue("") String leaseNamespace,
      @DefaultValue("") String identity) {}

  /**
   * @param maxAge rows older than this are deleted (history, usage samples, deleted objects)
   * @param batchSize rows per delete transaction (keeps each one's row locks short)
   * @param interval time between passes; 0 turns retention off
   */
  public record Retention(
      @DefaultValue("14d") Duration maxAge,
      @DefaultValue("5000") int batchSize,
      @DefaultValue("10m") Duration interval) {}

  /**
   * Bounds on pod logs ({@code /api/pods/{namespace}/{name}/logs[/stream]}).
   *
   * @param maxTailLines largest tailLines accepted
   * @param maxTailBytes bytes read for one tail request
   * @param maxFollowLines lines one follow stream sends
   * @param maxFollowBytes bytes one follow stream sends
   * @param maxFollowTime how long one follow stream stays open
   * @param maxStreams follow streams open at once
   */
  public record Logs(
      @DefaultValue("5000") int maxTailLines,
      @DefaultValue("1048576") int maxTailBytes,
      @DefaultValue("10000") int maxFollowLines,
      @DefaultValue("2097152") long maxFollowBytes,
      @DefaultValue("5m") Duration maxFollowTime,
      @DefaultValue("8") int maxStreams) {}
}
