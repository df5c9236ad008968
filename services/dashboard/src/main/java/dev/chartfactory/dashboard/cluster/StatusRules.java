package dev.chartfactory.dashboard.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;

/** How an object's state is reduced to the one status word that is recorded. */
public final class StatusRules {

  private StatusRules() {}

  /**
   * The pod's phase, except {@code Terminating} once deletion started and the waiting reason of a
   * container stuck in e.g. {@code CrashLoopBackOff} or {@code ImagePullBackOff}.
   */
  public static String podStatus(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return "Terminating";
    }
    PodStatus status = pod.getStatus();
    if (status == null || status.getPhase() == null) {
      return "Pending";
    }
    List<ContainerStatus> containers = status.getContainerStatuses();
    if (containers != null) {
      for (ContainerStatus container : containers) {
        if (container.getState() != null
            && container.getState().getWaiting() != null
            && container.getState().getWaiting().getReason() != null
            && container.getState().getWaiting().getReason().endsWith("BackOff")) {
          return container.getState().getWaiting().getReason();
        }
      }
    }
    return status.getPhase();
  }

  /** {@code Available}, {@code Progressing}, {@code Unavailable} or {@code ScaledDown}. */
  public static String deploymentStatus(Deployment deployment) {
    int desired = nonNull(deployment.getSpec() == null ? null : deployment.getSpec().getReplicas(), 1);
    int available = deployment.getStatus() == null ? 0 : nonNull(deployment.getStatus().getAvailableReplicas(), 0);
    return replicaStatus(desired, available);
  }

  /** Same words as {@link #deploymentStatus}, from ready replicas. */
  public static String statefulSetStatus(StatefulSet statefulSet) {
    int desired = nonNull(statefulSet.getSpec() == null ? null : statefulSet.getSpec().getReplicas(), 1);
    int ready = statefulSet.getStatus() == null ? 0 : nonNull(statefulSet.getStatus().getReadyReplicas(), 0);
    return replicaStatus(desired, ready);
  }

  /** {@code Complete}, {@code Failed}, {@code Active} or {@code Pending}. */
  public static String jobStatus(Job job) {
    if (job.getStatus() == null) {
      return "Pending";
    }
    if (job.getStatus().getConditions() != null) {
      for (var condition : job.getStatus().getConditions()) {
        if ("True".equals(condition.getStatus())
            && ("Complete".equals(condition.getType()) || "Failed".equals(condition.getType()))) {
          return condition.getType();
        }
      }
    }
    if (nonNull(job.getStatus().getSucceeded(), 0) > 0 && nonNull(job.getStatus().getActive(), 0) == 0) {
      return "Complete";
    }
    return nonNull(job.getStatus().getActive(), 0) > 0 ? "Active" : "Pending";
  }

  private static String replicaStatus(int desired, int ready) {
    if (desired == 0) {
      return "ScaledDown";
    }
    if (ready >= desired) {
      return "Available";
    }
    return ready == 0 ? "Unavailable" : "Progressing";
  }

  static int nonNull(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
