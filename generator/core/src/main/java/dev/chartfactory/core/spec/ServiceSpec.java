package dev.chartfactory.core.spec;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The shape of a component's Service ({@code service:}), or of one of its extra Services
 * ({@code extraServices.<name>:}).
 *
 * <pre>{@code
 * service: {type: ClusterIP, annotations: {prometheus.io/scrape: "true"}, labels: {tier: web}}
 * extraServices:
 *   external: {type: LoadBalancer, ports: [http], annotations: {...}}   # Service <name>-external
 * }</pre>
 *
 * @param type null when not written (ClusterIP)
 * @param ports names of the component's ports the Service carries; empty means all (and is
 *     the only choice for the main Service)
 */
public record ServiceSpec(
    Type type,
    SortedMap<String, String> annotations,
    SortedMap<String, String> labels,
    List<String> ports,
    Origin origin) {

  public ServiceSpec {
    annotations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    ports = List.copyOf(ports);
  }

  /** Kubernetes Service types, and headless (a ClusterIP Service with {@code clusterIP: None}). */
  public enum Type {
    CLUSTER_IP("ClusterIP"),
    NODE_PORT("NodePort"),
    LOAD_BALANCER("LoadBalancer"),
    HEADLESS("Headless");

    private final String id;

    Type(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** The value of the Service's {@code spec.type}. */
    public String kubernetesType() {
      return this == HEADLESS ? CLUSTER_IP.id : id;
    }

    public static Type of(String id) {
      for (Type type : values()) {
        if (type.id.toLowerCase(Locale.ROOT).equals(id.toLowerCase(Locale.ROOT))) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown Service type " + id);
    }
  }

  /** The type, ClusterIP when not written. */
  public Type typeOrDefault() {
    return type == null ? Type.CLUSTER_IP : type;
  }
}
