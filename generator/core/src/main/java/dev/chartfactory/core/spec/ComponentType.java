package dev.chartfactory.core.spec;

import java.util.Locale;

/** What a component is; decides which Kubernetes workload it becomes. */
public enum ComponentType {
  /** A Deployment behind a Service; may be exposed. */
  WEBAPP,
  /** A Deployment with no Service. */
  WORKER,
  /** A CronJob. */
  CRON,
  /** A StatefulSet with a headless Service and persistent volumes. */
  STATEFUL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ComponentType of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
