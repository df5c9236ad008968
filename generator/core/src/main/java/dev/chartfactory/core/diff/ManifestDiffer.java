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
 * and which fields changed from what to what. Lists of named things (containers, env, ports,
 * volumes, volumeMounts…) are matched by their key, as Kubernetes merges them, not by position:
 * adding one env var reads {@code env[FEATURE_X].value: (none) -> on}, not eleven shifted entries.
 */
final class ManifestDiffer {

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

  /** Fields that identify an element of a list, in the order Kubernetes' merge keys use them. */
  private static final List<String> MERGE_KEYS = List.of("name", "mountPath", "devicePath", "containerPort", "port", "ip");

  /**
   * The field whose value tells this list's elements apart, or null when the list must be compared
   * by position: its elements are not all maps, or no field is present and unique in every one.
   */
  private static String mergeKey(List<?> list) {
    if (list.size() < 2 && !(list.size() == 1 && list.get(0) instanceof Map<?, ?>)) {
      return null;
    }
    for (String key : MERGE_KEYS) {
      Set<String> seen = new TreeSet<>();
      boolean usable = true;
      for (Object element : list) {
        if (!(element instanceof Map<?, ?> map) || map.get(key) == null || map.get(key) instanceof Map<?, ?>
            || map.get(key) instanceof List<?> || !seen.add(String.valueOf(map.get(key)))) {
          usable = false;
          break;
        }
      }
      if (usable) {
        return key;
      }
    }
    return null;
  }

  /**
   * How a keyed element reads in a path: {@code [web]} by name, {@code [mountPath=/tmp]} by any
   * other key; quoted when the key could be mistaken for punctuation or for a position.
   */
  private static String elementKey(String field, Object value) {
    String text = String.valueOf(value);
    boolean plain = !text.isEmpty()
        && text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_-:/".indexOf(c) >= 0));
    if (field.equals("name")) {
      return plain && !text.chars().allMatch(Character::isDigit) ? text : quoted(text);
    }
    return field + "=" + (plain ? text : quoted(text));
  }

  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        quoted.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c == 0x7f) {
        quoted.append(String.format("\\u%04x", c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    return quoted.append('"').toString();
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
      String key = mergeKey(list);
      for (int i = 0; i < list.size(); i++) {
        String index = key == null ? Integer.toString(i) : elementKey(key, ((Map<?, ?>) list.get(i)).get(key));
        flatten(path + "[" + index + "]", list.get(i), into);
      }
    } else {
      into.put(path, String.valueOf(value));
    }
  }
}
