package dev.chartfactory.dashboard.cluster;

/** The kinds of objects the dashboard records. */
public enum ResourceKind {
  POD("Pod"),
  DEPLOYMENT("Deployment"),
  STATEFUL_SET("StatefulSet"),
  JOB("Job");

  private final String kubernetesName;

  ResourceKind(String kubernetesName) {
    this.kubernetesName = kubernetesName;
  }

  /** The name Kubernetes uses ({@code Pod}, {@code StatefulSet}, ...), as stored in the database. */
  public String kubernetesName() {
    return kubernetesName;
  }
}
