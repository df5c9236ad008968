package dev.chartfactory.core.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A source with some files replaced or added in memory, used to check a change (a scaffolded
 * spec, say) before anything is written to disk.
 */
public final class OverlaySpecSource implements SpecSource {

  private final SpecSource base;
  private final SortedMap<String, byte[]> changed = new TreeMap<>();

  public OverlaySpecSource(SpecSource base, Map<String, String> changedFiles) {
    this.base = base;
    changedFiles.forEach((path, text) -> changed.put(path, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String describe() {
    return base.describe() + " (with " + changed.size() + " changed files)";
  }

  @Override
  public List<String> files() {
    TreeSet<String> all = new TreeSet<>(base.files());
    all.addAll(changed.keySet());
    return List.copyOf(all);
  }

  @Override
  public long size(String path) {
    byte[] bytes = changed.get(path);
    return bytes != null ? bytes.length : base.size(path);
  }

  @Override
  public byte[] read(String path) {
    byte[] bytes = changed.get(path);
    return bytes != null ? bytes.clone() : base.read(path);
  }
}
