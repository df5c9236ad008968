package dev.chartfactory.core.diff;

import java.util.List;

/**
 * How one Kubernetes object differs between two renderings.
 *
 * @param fields the changed leaf fields (empty for added and removed objects)
 */
public record ObjectChange(ObjectKey key, Type type, List<FieldChange> fields) {

  public ObjectChange {
    fields = List.copyOf(fields);
  }

  /** What happened to the object. */
  public enum Type {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** kind, namespace and name: what identifies an object in a cluster. */
  public record ObjectKey(String kind, String namespace, String name) implements Comparable<ObjectKey> {
    @Override
    public int compareTo(ObjectKey other) {
      return java.util.Comparator.comparing(ObjectKey::kind).thenComparing(ObjectKey::namespace)
          .thenComparing(ObjectKey::name).compare(this, other);
    }

    @Override
    public String toString() {
      return kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  /** One leaf field: {@code spec.replicas: 2 -> 3}; null before or after means absent. */
  public record FieldChange(String path, String before, String after) {}
}
