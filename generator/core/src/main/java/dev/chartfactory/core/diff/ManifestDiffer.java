package dev.chartfactory.core.diff;

import dev.chartfactory.core.diff.ObjectChange.FieldChange;
import dev.chartfactory.core.diff.ObjectChange.ObjectKey;
import dev.chartfactory.core.validate.RenderedObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two renderings ({@code helm template} output) object by object and field by field,
 * the way a reviewer wants to read a pull request: which objects appear, disappear or change,
 * and which fields changed from what to what.
 */
public final class ManifestDiffer {

  public List<ObjectChange> diff(String before, String after) {
    Map<ObjectKey, Map<String, String>> old = index(before);
    Map<ObjectKey, Map<String, String>> now = index(after);
    Set<ObjectKey> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    List<ObjectChange> changes = new ArrayList<>();
    for (ObjectKey key : keys) {
      Map<String, String> a = old.get(key);
      Map<String, String> b = now.get(key);
      if (a == null) {
        changes.add(new ObjectChange(key, ObjectChange.Type.ADDED, List.of()));
      } else if (b == null) {
        changes.add(new ObjectChange(key, ObjectChange.Type.REMOVED, List.of()));
      } else {
        List<FieldChange> fields = new ArrayList<>();
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
          String x = a.get(path);
          String y = b.get(path);
          if (x == null ? y != null : !x.equals(y)) {
            fields.add(new FieldChange(path, x, y));
          }
        }
        if (!fields.isEmpty()) {
          changes.add(new ObjectChange(key, ObjectChange.Type.CHANGED, fields));
        }
      }
    }
    return changes;
  }

  private static Map<ObjectKey, Map<String, String>> index(String manifests) {
    Map<ObjectKey, Map<String, String>> objects = new TreeMap<>();
    for (Map<String, Object> map : RenderedObjects.objects(manifests)) {
      if (map.get("kind") != null) {
        Map<?, ?> metadata = map.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        ObjectKey key = new ObjectKey(String.valueOf(map.get("kind")),
            metadata.get("namespace") == null ? "" : String.valueOf(metadata.get("namespace")),
            String.valueOf(metadata.get("name")));
        Map<String, String> fields = new TreeMap<>();
        flatten("", map, fields);
        objects.put(key, fields);
      }
    }
    return objects;
  }

  private static void flatten(String path, Object value, Map<String, String> into) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        into.put(path, "{}");
      }
      map.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, into));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        into.put(path, "[]");
      }
      for (int i = 0; i < list.size(); i++) {
        flatten(path + "[" + i + "]", list.get(i), into);
      }
    } else {
      into.put(path, String.valueOf(value));
    }
  }
}
