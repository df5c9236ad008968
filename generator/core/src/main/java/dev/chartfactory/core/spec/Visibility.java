package dev.chartfactory.core.spec;

import java.util.Locale;

/** Who can reach a component: only the cluster, an internal network, or everyone. */
public enum Visibility {
  CLUSTER,
  PRIVATE,
  PUBLIC;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean exposed() {
    return this != CLUSTER;
  }
}
