package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.DashboardProperties;
import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.cluster.ConnectionMonitor;
import dev.chartfactory.dashboard.cluster.DeploymentView;
import dev.chartfactory.dashboard.cluster.PodView;
import dev.chartfactory.dashboard.store.HistoryQuery;
import dev.chartfactory.dashboard.store.HistoryRepository;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API; documented in {@code static/openapi.yaml}. Every endpoint takes {@code ?namespace=}. */
@RestController
@RequestMapping("/api")
public class ApiController {

  /** How stale the cached full pod list may get: ages move by the second, nobody reads seconds. */
  private static final long REBUILD_MILLIS = 2000;

  private static final long MAX_STALE_MILLIS = 5000;

  private static final Pattern CHART = Pattern.compile("^(.+?)-(\\d+\\.\\d+\\.\\d+.*)$");

  private final ClusterSource source;
  private final HistoryRepository history;
  private final DashboardProperties properties;
  private final Clock clock;
  private final JsonMapper jsonMapper;
  private final Map<String, CachedPods> podsCache = new ConcurrentHashMap<>();
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

  public ApiController(
      ClusterSource source,
      HistoryRepository history,
      DashboardProperties properties,
      Clock clock,
      JsonMapper jsonMapper) {
    this.jsonMapper = jsonMapper;
    this.source = source;
    this.history = history;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * {@code GET /api/stats}; {@code kubernetes} says whether the counts are current (the API
   * server answers) and {@code demo} that they are made up.
   */
  public record Stats(
      String namespace,
      int totalDeployments,
      int totalPods,
      int runningPods,
      int pendingPods,
      ConnectionMonitor.Status kubernetes,
      boolean demo) {}

  /** One row of {@code GET /api/deployments}. */
  public record DeploymentItem(
      String name,
      int replicas,
      int ready,
      int available,
      String age,
      String chart,
      String chartVersion,
      String appVersion,
      String sourceCommit) {}

  /** One row of {@code GET /api/pods}. */
  public record PodItem(String name, String podId, String status, String node, String age) {}

  /** {@code GET /api/namespaces}. */
  public record Namespaces(String defaultNamespace, List<String> namespaces) {}

  @GetMapping("/namespaces")
  public Namespaces namespaces() {
    return new Namespaces(namespace(null), source.namespaces());
  }

  @GetMapping("/stats")
  public Stats stats(@RequestParam(required = false) String namespace) {
    String ns = namespace(namespace);
    List<PodView> pods = source.pods(ns);
    int running = 0;
    int pending = 0;
    for (PodView pod : pods) {
      if ("Running".equals(pod.status())) {
        running++;
      } else if ("Pending".equals(pod.status())) {
        pending++;
      }
    }
    return new Stats(ns, source.deployments(ns).size(), pods.size(), running, pending, source.connection(), properties.demo());
  }

  @GetMapping("/deployments")
  public List<DeploymentItem> deployments(@RequestParam(required = false) String namespace) {
    Instant now = clock.instant();
    List<DeploymentItem> items = new ArrayList<>();
    for (DeploymentView d : source.deployments(namespace(namespace))) {
      String chartVersion = null;
      if (d.chart() != null) {
        Matcher m = CHART.matcher(d.chart());
        chartVersion = m.matches() ? m.group(2) : null;
      }
      items.add(
          new DeploymentItem(
              d.name(),
              d.replicas(),
              d.ready(),
              d.available(),
              Ages.format(d.createdAt(), now),
              d.chart(),
              chartVersion,
              d.appVersion(),
              d.sourceCommit()));
    }
    return items;
  }

  /**
   * {@code GET /api/pods}; {@code q} keeps pods whose name contains it, {@code status} those with
   * that status.
   */
  @GetMapping(value = "/pods", produces = MediaType.APPLICATION_JSON_VALUE)
  public void pods(
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String status,
      HttpServletResponse response)
      throws IOException {
    String ns = namespace(namespace);
    boolean unfiltered = (q == null || q.isBlank()) && (status == null || status.isBlank());
    if (!unfiltered) {
      write(response, ChunkedJson.of(jsonMapper, podItems(ns, q, status)));
      return;
    }
    // The full list is what the page and most clients ask for. Under steady traffic it is
    // serialised off the request path, at most every REBUILD_MILLIS and only when a pod changed or
    // the ages moved, while requests get the previous copy; a copy older than MAX_STALE_MILLIS is
    // never served. On 2 cores this keeps p99 low under load (see bench.sh).
    long revision = source.revision(ns);
    long now = clock.millis();
    CachedPods cached = podsCache.get(ns);
    if (cached == null || now - cached.builtAt() > MAX_STALE_MILLIS) {
      cached = new CachedPods(revision, now, ChunkedJson.of(jsonMapper, podItems(ns, null, null)));
      podsCache.put(ns, cached);
    } else if ((cached.revision() != revision || now / 1000 != cached.builtAt() / 1000)
        && now - cached.builtAt() >= REBUILD_MILLIS
        && refreshing.add(ns)) {
      CompletableFuture.runAsync(() -> {
        try {
          podsCache.put(ns, new CachedPods(revision, clock.millis(), ChunkedJson.of(jsonMapper, podItems(ns, null, null))));
        } finally {
          refreshing.remove(ns);
        }
      });
    }
    write(response, cached.json());
  }

  private record CachedPods(long revision, long builtAt, ChunkedJson json) {}

  private static void write(HttpServletResponse response, ChunkedJson json) throws IOException {
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLengthLong(json.length());
    json.writeTo(response.getOutputStream());
  }

  private List<PodItem> podItems(String ns, String q, String status) {
    Instant now = clock.instant();
    String needle = q == null || q.isBlank() ? null : q.toLowerCase(Locale.ROOT);
    List<PodView> pods = source.pods(ns);
    List<PodItem> items = new ArrayList<>(pods.size());
    for (PodView pod : pods) {
      if (needle != null && !pod.name().toLowerCase(Locale.ROOT).contains(needle)) {
        continue;
      }
      if (status != null && !status.isBlank() && !status.equals(pod.status())) {
        continue;
      }
      items.add(new PodItem(pod.name(), pod.uid(), pod.status(), pod.node(), Ages.format(pod.createdAt(), now)));
    }
    return items;
  }

  /** {@code GET /api/pods/history}: recorded status changes, newest first, paged. */
  @GetMapping("/pods/history")
  public HistoryRepository.Page<HistoryRepository.PodStatusChange> podHistory(
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String pod,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return history.podHistory(
        new HistoryQuery(namespace(namespace), pod, status, instant("from", from), instant("to", to), page, size));
  }

  /** {@code GET /api/pods/history/counts}: pods per status over the last {@code hours}. */
  @GetMapping("/pods/history/counts")
  public List<HistoryRepository.StatusCounts> podCounts(
      @RequestParam(required = false) String namespace,
      @RequestParam(defaultValue = "6") int hours,
      @RequestParam(defaultValue = "37") int points) {
    if (hours < 1 || hours > 24 * 31) {
      throw new IllegalArgumentException("hours: " + hours + " is out of range (1-744)");
    }
    Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    return history.podCountsOverTime(namespace(namespace), to.minus(Duration.ofHours(hours)), to, points);
  }

  private String namespace(String requested) {
    List<String> watched = source.namespaces();
    if (requested == null || requested.isBlank()) {
      List<String> configured = properties.namespaces();
      if (!configured.isEmpty() && watched.contains(configured.get(0))) {
        return configured.get(0);
      }
      if (watched.isEmpty()) {
        throw new NamespaceNotWatchedException("no namespace is watched yet");
      }
      return watched.get(0);
    }
    if (!watched.contains(requested)) {
      throw new NamespaceNotWatchedException(
          "namespace: '" + requested + "' is not watched; watched: " + String.join(", ", watched));
    }
    return requested;
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + ": '" + value + "' is not an ISO-8601 time such as 2026-01-31T12:00:00Z");
    }
  }

  /** The namespace asked for is not one this dashboard watches. */
  public static final class NamespaceNotWatchedException extends RuntimeException {
    NamespaceNotWatchedException(String message) {
      super(message);
    }
  }
}
