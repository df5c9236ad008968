package dev.chartfactory.dashboard.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterSource} backed by Fabric8 shared informers: Pods, Deployments, StatefulSets and
 * Jobs, one set per watched namespace. Reads come from the informers' caches, never the API server.
 */
public final class InformerClusterSource implements ClusterSource {

  private static final Logger log = LoggerFactory.getLogger(InformerClusterSource.class);

  static final String CHART_LABEL = "helm.sh/chart";
  static final String VERSION_LABEL = "app.kubernetes.io/version";
  static final String COMMIT_LABEL = "chartfactory.dev/source-commit";

  private final KubernetesClient client;
  private final List<String> configuredNamespaces;
  private final String namespaceSelector;
  private final Clock clock;
  private final Map<String, NamespaceInformers> informers = new TreeMap<>();
  private final ConnectionMonitor connection;

  /**
   * @param client the client to watch with
   * @param namespaces namespaces to watch when {@code namespaceSelector} is empty
   * @param namespaceSelector label selector; when set, every namespace matching it at start
   * @param clock source of observation times
   */
  public InformerClusterSource(
      KubernetesClient client, List<String> namespaces, String namespaceSelector, Clock clock) {
    this.client = client;
    this.configuredNamespaces = List.copyOf(namespaces);
    this.namespaceSelector = namespaceSelector == null ? "" : namespaceSelector.trim();
    this.clock = clock;
    this.connection = new ConnectionMonitor(client.getMasterUrl().toString(), clock);
  }

  @Override
  public synchronized void start(Consumer<ClusterChange> listener) {
    for (String namespace : resolveNamespaces()) {
      informers.put(namespace, new NamespaceInformers(namespace, listener));
    }
    log.info("watching pods, deployments, statefulsets and jobs in {}", informers.keySet());
  }

  private List<String> resolveNamespaces() {
    if (namespaceSelector.isEmpty()) {
      if (configuredNamespaces.isEmpty()) {
        throw new IllegalStateException(
            "no namespace to watch: set NAMESPACE (or dashboard.namespaces) or dashboard.namespace-selector");
      }
      return configuredNamespaces.stream().distinct().sorted().toList();
    }
    List<String> selected =
        client.namespaces().withLabelSelector(namespaceSelector).list().getItems().stream()
            .map(ns -> ns.getMetadata().getName())
            .sorted()
            .toList();
    if (selected.isEmpty()) {
      throw new IllegalStateException(
          "namespace selector '" + namespaceSelector + "' matches no namespace");
    }
    return selected;
  }

  @Override
  public synchronized ConnectionMonitor.Status connection() {
    boolean watching = !informers.isEmpty() && informers.values().stream().allMatch(NamespaceInformers::isWatching);
    return connection.status(watching);
  }

  @Override
  public synchronized List<String> namespaces() {
    return List.copyOf(informers.keySet());
  }

  @Override
  public synchronized boolean hasSynced() {
    return !informers.isEmpty() && informers.values().stream().allMatch(NamespaceInformers::hasSynced);
  }

  @Override
  public List<PodView> pods(String namespace) {
    NamespaceInformers ns = get(namespace);
    return ns == null ? List.of() : ns.podViews.sorted();
  }

  @Override
  public long revision(String namespace) {
    NamespaceInformers ns = get(namespace);
    return ns == null ? -1 : ns.podViews.revision();
  }

  private static PodView podView(Pod pod) {
    return new PodView(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        pod.getMetadata().getUid(),
        StatusRules.podStatus(pod),
        pod.getSpec() == null ? null : pod.getSpec().getNodeName(),
        created(pod));
  }

  @Override
  public List<DeploymentView> deployments(String namespace) {
    NamespaceInformers ns = get(namespace);
    if (ns == null) {
      return List.of();
    }
    List<DeploymentView> result = new ArrayList<>();
    for (Deployment d : ns.deployments.getStore().list()) {
      var status = d.getStatus();
      result.add(
          new DeploymentView(
              namespace,
              d.getMetadata().getName(),
              StatusRules.nonNull(d.getSpec() == null ? null : d.getSpec().getReplicas(), 1),
              status == null ? 0 : StatusRules.nonNull(status.getReadyReplicas(), 0),
              status == null ? 0 : StatusRules.nonNull(status.getAvailableReplicas(), 0),
              created(d),
              label(d, CHART_LABEL),
              label(d, VERSION_LABEL),
              label(d, COMMIT_LABEL)));
    }
    result.sort(Comparator.comparing(DeploymentView::name));
    return result;
  }

  /** Deployment label, falling back to the pod template's labels. */
  private static String label(Deployment deployment, String key) {
    Map<String, String> labels = deployment.getMetadata().getLabels();
    if (labels != null && labels.get(key) != null) {
      return labels.get(key);
    }
    if (deployment.getSpec() != null
        && deployment.getSpec().getTemplate() != null
        && deployment.getSpec().getTemplate().getMetadata() != null
        && deployment.getSpec().getTemplate().getMetadata().getLabels() != null) {
      return deployment.getSpec().getTemplate().getMetadata().getLabels().get(key);
    }
    return null;
  }

  @Override
  public List<ClusterChange> snapshot() {
    List<ClusterChange> changes = new ArrayList<>();
    for (NamespaceInformers ns : currentInformers()) {
      ns.snapshot(changes);
    }
    return changes;
  }

  @Override
  public synchronized void close() {
    informers.values().forEach(NamespaceInformers::close);
    informers.clear();
  }

  private synchronized NamespaceInformers get(String namespace) {
    return informers.get(namespace);
  }

  private synchronized List<NamespaceInformers> currentInformers() {
    return List.copyOf(informers.values());
  }

  private static Instant created(HasMetadata object) {
    String timestamp = object.getMetadata().getCreationTimestamp();
    if (timestamp == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The four informers of one namespace. */
  private final class NamespaceInformers {
    final SharedIndexInformer<Pod> pods;
    final SharedIndexInformer<Deployment> deployments;
    final SharedIndexInformer<StatefulSet> statefulSets;
    final SharedIndexInformer<Job> jobs;

    final PodViews podViews = new PodViews();

    final String namespace;

    NamespaceInformers(String namespace, Consumer<ClusterChange> listener) {
      this.namespace = namespace;
      // The views are kept up to date on every event, so API reads never convert 10,000 pods.
      pods =
          start(client.pods().inNamespace(namespace).runnableInformer(0),
              podHandler(podViews, handler(ResourceKind.POD, StatusRules::podStatus, listener)));
      deployments =
          start(client.apps().deployments().inNamespace(namespace).runnableInformer(0),
              handler(ResourceKind.DEPLOYMENT, StatusRules::deploymentStatus, listener));
      statefulSets =
          start(client.apps().statefulSets().inNamespace(namespace).runnableInformer(0),
              handler(ResourceKind.STATEFUL_SET, StatusRules::statefulSetStatus, listener));
      jobs =
          start(client.batch().v1().jobs().inNamespace(namespace).runnableInformer(0),
              handler(ResourceKind.JOB, StatusRules::jobStatus, listener));
    }

    /**
     * Starts without waiting for the first list, and keeps retrying when the API server is not
     * reachable yet: /ready reports "SYNCING" meanwhile instead of the app failing to start.
     */
    private <T extends HasMetadata> SharedIndexInformer<T> start(
        SharedIndexInformer<T> informer, ResourceEventHandler<T> handler) {
      informer.addEventHandler(handler);
      String kind = informer.getApiTypeClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "s";
      informer.exceptionHandler((started, error) -> {
        connection.failed((started ? "watch " : "list ") + kind + " in " + namespace, error);
        return true;
      });
      informer.start();
      return informer;
    }

    boolean isWatching() {
      return hasSynced() && pods.isWatching() && deployments.isWatching() && statefulSets.isWatching() && jobs.isWatching();
    }

    boolean hasSynced() {
      return pods.hasSynced() && deployments.hasSynced() && statefulSets.hasSynced() && jobs.hasSynced();
    }

    void snapshot(List<ClusterChange> into) {
      Instant now = clock.instant();
      pods.getStore().list().forEach(p -> into.add(change(ResourceKind.POD, p, StatusRules.podStatus(p), now)));
      deployments.getStore().list()
          .forEach(d -> into.add(change(ResourceKind.DEPLOYMENT, d, StatusRules.deploymentStatus(d), now)));
      statefulSets.getStore().list()
          .forEach(s -> into.add(change(ResourceKind.STATEFUL_SET, s, StatusRules.statefulSetStatus(s), now)));
      jobs.getStore().list().forEach(j -> into.add(change(ResourceKind.JOB, j, StatusRules.jobStatus(j), now)));
    }

    void close() {
      pods.close();
      deployments.close();
      statefulSets.close();
      jobs.close();
    }
  }

  private static ResourceEventHandler<Pod> podHandler(PodViews views, ResourceEventHandler<Pod> next) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        views.put(pod.getMetadata().getUid(), podView(pod));
        next.onAdd(pod);
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        views.put(newPod.getMetadata().getUid(), podView(newPod));
        next.onUpdate(oldPod, newPod);
      }

      @Override
      public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
        views.remove(pod.getMetadata().getUid());
        next.onDelete(pod, deletedFinalStateUnknown);
      }
    };
  }

  /** Pods of one namespace as views, with a sorted copy rebuilt only after a change. */
  private static final class PodViews {
    private final Map<String, PodView> byUid = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong revision = new java.util.concurrent.atomic.AtomicLong();
    private volatile List<PodView> sorted = List.of();
    private volatile long sortedRevision = -1;

    void put(String uid, PodView view) {
      byUid.put(uid, view);
      revision.incrementAndGet();
    }

    void remove(String uid) {
      byUid.remove(uid);
      revision.incrementAndGet();
    }

    long revision() {
      return revision.get();
    }

    List<PodView> sorted() {
      long current = revision.get();
      if (current != sortedRevision) {
        synchronized (this) {
          if (current != sortedRevision) {
            List<PodView> copy = new ArrayList<>(byUid.values());
            copy.sort(Comparator.comparing(PodView::name));
            sorted = List.copyOf(copy);
            sortedRevision = current;
          }
        }
      }
      return sorted;
    }
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(
      ResourceKind kind, Function<T, String> status, Consumer<ClusterChange> listener) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        listener.accept(change(kind, obj, status.apply(obj), clock.instant()));
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        listener.accept(change(kind, newObj, status.apply(newObj), clock.instant()));
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        listener.accept(change(kind, obj, ClusterChange.DELETED, clock.instant()));
      }
    };
  }

  private static ClusterChange change(ResourceKind kind, HasMetadata obj, String status, Instant now) {
    String node = obj instanceof Pod pod && pod.getSpec() != null ? pod.getSpec().getNodeName() : null;
    return new ClusterChange(
        kind,
        obj.getMetadata().getNamespace(),
        obj.getMetadata().getName(),
        obj.getMetadata().getUid(),
        status,
        node,
        ClusterChange.parseResourceVersion(obj.getMetadata().getResourceVersion()),
        now);
  }

}
