package dev.chartfactory.dashboard.cluster;

import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the dashboard needs from Kubernetes: a stream of changes and the current state.
 * The one implementation is {@link InformerClusterSource}; nothing else touches the client.
 */
public interface ClusterSource extends AutoCloseable {

  /** Starts watching; every add, update and delete is passed to {@code listener}. */
  void start(Consumer<ClusterChange> listener);

  /** The namespaces being watched, sorted. */
  List<String> namespaces();

  /** True once every informer has completed its first list. */
  boolean hasSynced();

  /** Whether the API server is reachable now, and since when it is not. */
  ConnectionMonitor.Status connection();

  /** Pods currently known in {@code namespace}. */
  List<PodView> pods(String namespace);

  /** A number that changes whenever the pods of {@code namespace} change (for caching). */
  long revision(String namespace);

  /** Deployments currently known in {@code namespace}. */
  List<DeploymentView> deployments(String namespace);

  /** The current state of every watched object, as changes (used to resynchronise the database). */
  List<ClusterChange> snapshot();

  /** Stops every informer. */
  @Override
  void close();
}
