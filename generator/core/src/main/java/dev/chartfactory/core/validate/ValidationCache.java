package dev.chartfactory.core.validate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Validation results kept between runs, content-addressed: an entry's name is the SHA-256 of
 * everything that decides one environment's validation (the charts' bytes, its values, release
 * and namespace, the specs that policy rules and waivers read, the generator, the helm binary's
 * version and the schema versions), so a stale entry can never be found, only left unused.
 *
 * <p>Only passing results are stored. Each entry carries a hash of its own payload: an entry
 * truncated or edited by hand is ignored, deleted and made again, never trusted. Entries are
 * written to a temporary file and moved into place, so concurrent runs sharing the folder see
 * either a whole entry or none; the folder may vanish mid-run. At most {@code maxEntries} are
 * kept, the least recently used removed first.
 */
public final class ValidationCache {

  /** Looks nothing up and stores nothing ({@code --no-cache}). */
  public static final ValidationCache DISABLED = new ValidationCache(null, 0);

  /** An entry per app and environment: room for several versions of a platform of 5,000 apps. */
  static final int DEFAULT_MAX_ENTRIES = 50_000;
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final int maxEntries;

  public ValidationCache(Path folder, int maxEntries) {
    this.folder = folder;
    this.maxEntries = maxEntries;
  }

  /**
   * {@code FACTORY_CACHE_DIR} (or the system property {@code factory.cache.dir}), else {@code $XDG_CACHE_HOME/chart-factory}, else
   * {@code ~/.cache/chart-factory}; each with a {@code validation/} folder.
   */
  public static ValidationCache inUserCacheDirectory(Map<String, String> environment) {
    return new ValidationCache(userCacheRoot(environment).resolve("validation"), DEFAULT_MAX_ENTRIES);
  }

  /** The user's Chart Factory cache folder, as for {@link #inUserCacheDirectory}. */
  public static Path userCacheRoot(Map<String, String> environment) {
    String explicit = environment.getOrDefault("FACTORY_CACHE_DIR", System.getProperty("factory.cache.dir"));
    String xdg = environment.get("XDG_CACHE_HOME");
    Path root = explicit != null && !explicit.isBlank() ? Path.of(explicit)
        : xdg != null && !xdg.isBlank() ? Path.of(xdg, "chart-factory")
        : Path.of(System.getProperty("user.home"), ".cache", "chart-factory");
    return root;
  }

  public boolean enabled() {
    return folder != null;
  }

  /**
   * One passing validation of an app's render (or the umbrella's own objects) in one
   * environment: how many objects, which policy warnings, and what its objects claim that rules
   * spanning apps compare with the others.
   */
  public record Entry(int manifests, List<PolicyFinding> warnings, PolicyChecker.Claims claims) {
    public Entry {
      warnings = List.copyOf(warnings);
    }

    public Entry(int manifests, List<PolicyFinding> warnings) {
      this(manifests, warnings, NO_CLAIMS);
    }
  }

  private static final PolicyChecker.Claims NO_CLAIMS = new PolicyChecker.Claims(List.of(), java.util.Set.of(),
      java.util.Set.of(), java.util.Set.of());

  /** The entry stored under {@code key}, if there is a whole and unaltered one. */
  public Optional<Entry> find(String key) {
    if (!enabled() || !KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    Path file = folder.resolve(key + ".json");
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      JsonNode payload = root.path("payload");
      if (!payload.isObject() || !root.path("sha256").asString("").equals(sha256(payload.toString()))
          || !root.path("key").asString("").equals(key)) {
        Files.deleteIfExists(file);
        return Optional.empty();
      }
      List<PolicyFinding> warnings = new ArrayList<>();
      for (JsonNode warning : payload.path("warnings")) {
        warnings.add(JSON.treeToValue(warning, PolicyFinding.class));
      }
      Entry entry = new Entry(payload.path("manifests").asInt(), warnings,
          payload.has("claims") ? JSON.treeToValue(payload.path("claims"), PolicyChecker.Claims.class) : NO_CLAIMS);
      touch(file);
      return Optional.of(entry);
    } catch (IOException | RuntimeException unreadable) {
      // A broken entry (truncated, edited, half a disk) is a miss; the next store replaces it.
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the store will overwrite it
      }
      return Optional.empty();
    }
  }

  /** Stores a passing result; failures to write are ignored (the cache is only a shortcut). */
  public void store(String key, Entry entry) {
    storeAll(Map.of(key, entry));
  }

  /** Stores passing results, then keeps the folder within its bound once. */
  public void storeAll(Map<String, Entry> entries) {
    if (!enabled() || entries.isEmpty()) {
      return;
    }
    entries.entrySet().parallelStream().forEach(entry -> write(entry.getKey(), entry.getValue()));
    try {
      prune();
    } catch (IOException | RuntimeException e) {
      // Folder deleted by another run: nothing to prune.
    }
  }

  private void write(String key, Entry entry) {
    if (!KEY.matcher(key).matches()) {
      return;
    }
    try {
      Files.createDirectories(folder);
      Map<String, Object> payload = new LinkedHashMap<>();
      payload.put("manifests", entry.manifests());
      payload.put("warnings", entry.warnings());
      payload.put("claims", entry.claims());
      JsonNode payloadNode = JSON.valueToTree(payload);
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("key", key);
      root.put("sha256", sha256(payloadNode.toString()));
      root.put("payload", payloadNode);
      Path temporary = Files.createTempFile(folder, key, ".tmp");
      Files.writeString(temporary, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
      try {
        Files.move(temporary, folder.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, folder.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // Read-only home, full disk, folder deleted by another run: validate again next time.
    }
  }

  private void prune() throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(folder)) {
      entries = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }
    if (entries.size() <= maxEntries) {
      return;
    }
    List<Path> oldestFirst = new ArrayList<>(entries);
    oldestFirst.sort(Comparator.comparing(ValidationCache::lastUsed));
    for (Path stale : oldestFirst.subList(0, entries.size() - maxEntries)) {
      Files.deleteIfExists(stale);
    }
  }

  private static long lastUsed(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException ignored) {
      // only affects which entry is pruned first
    }
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** Builds a key from labelled parts; each is length-prefixed so no two inputs run together. */
  public static final class KeyBuilder {
    private final MessageDigest digest = digest();

    public KeyBuilder add(String label, String value) {
      byte[] bytes = (value == null ? "\u0000null" : value).getBytes(StandardCharsets.UTF_8);
      byte[] name = label.getBytes(StandardCharsets.UTF_8);
      digest.update(java.nio.ByteBuffer.allocate(8).putInt(name.length).putInt(bytes.length).array());
      digest.update(name);
      digest.update(bytes);
      return this;
    }

    public String build() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
