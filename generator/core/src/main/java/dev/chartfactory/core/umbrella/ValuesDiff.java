package dev.chartfactory.core.umbrella;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an environment changes in a chart's values: maps are compared key by key, everything
 * else (lists included, as Helm replaces lists whole) by value. A key the environment drops is
 * set to null, which Helm reads as "remove".
 */
final class ValuesDiff {

  private ValuesDiff() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> diff(Map<String, Object> base, Map<String, Object> changed) {
    Map<String, Object> result = new LinkedHashMap<>();
    changed.forEach((key, value) -> {
      Object before = base.get(key);
      if (!base.containsKey(key)) {
        result.put(key, value);
      } else if (value instanceof Map<?, ?> map && before instanceof Map<?, ?> beforeMap) {
        Map<String, Object> nested = diff((Map<String, Object>) beforeMap, (Map<String, Object>) map);
        if (!nested.isEmpty()) {
          result.put(key, nested);
        }
      } else if (!Objects.equals(before, value)) {
        result.put(key, value);
      }
    });
    base.keySet().stream().filter(key -> !changed.containsKey(key)).forEach(key -> result.put(key, null));
    return result;
  }
}
