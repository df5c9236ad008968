package dev.chartfactory.core.ops;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** How many objects of each kind a {@code helm template} output holds: a dry run's summary. */
public final class ManifestKinds {

  private ManifestKinds() {}

  /** Kind → count, sorted by kind; documents without a kind (empty ones) are skipped. */
  public static SortedMap<String, Integer> count(String manifests) {
    SortedMap<String, Integer> kinds = new TreeMap<>();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (Object document : yaml.loadAll(manifests)) {
      if (document instanceof Map<?, ?> map && map.get("kind") != null) {
        kinds.merge(String.valueOf(map.get("kind")), 1, Integer::sum);
      }
    }
    return kinds;
  }
}
