package dev.chartfactory.core.pipeline;

import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.umbrella.GeneratorId;
import dev.chartfactory.core.validate.ValidationCache;
import dev.chartfactory.core.write.ChartWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Skips rendering an app whose chart on disk is, provably, what rendering would give: each
 * rendered chart is remembered under a fingerprint of its inputs (the generator, the app's own
 * spec files and every shared spec file: factory.yaml, environments/, templates/) as the SHA-256
 * of its files. An app whose specs hold a service reference is always rendered. When the inputs are unchanged and the
 * chart on disk (its recorded provenance aside) hashes to that, the disk's bytes are the render.
 * Anything else (a hand-edited chart, a lost or altered entry) renders as usual.
 */
public final class RenderMemo {

  /** Remembers nothing, reuses nothing. */
  public static final RenderMemo OFF = new RenderMemo(null, Map.of());


  private final Path folder;
  /** App → fingerprint of its inputs. */
  private final Map<String, String> fingerprints;

  private RenderMemo(Path folder, Map<String, String> fingerprints) {
    this.folder = folder;
    this.fingerprints = fingerprints;
  }

  /**
   * A memo in {@code folder} for the apps of {@code source}, fingerprinted from its files' bytes.
   * The {@code callers} (apps with a service reference, {@link ResolvedPlatform#callers}) are left
   * out: their charts hold another app's Service address, so their own files do not decide them.
   */
  public static RenderMemo of(Path folder, SpecSource source, Collection<String> apps, Set<String> callers) {
    ValidationCache.KeyBuilder shared = new ValidationCache.KeyBuilder().add("generator", GeneratorId.current());
    Map<String, ValidationCache.KeyBuilder> own = new TreeMap<>();
    for (String path : source.files()) {
      Matcher app = RepoLayout.APP_FOLDER_FILE.matcher(path);
      String text = new String(source.read(path), StandardCharsets.ISO_8859_1);
      if (app.matches()) {
        own.computeIfAbsent(app.group(1), ignored -> new ValidationCache.KeyBuilder()).add(path, text);
      } else {
        shared.add(path, text);
      }
    }
    String sharedKey = shared.build();
    Map<String, String> fingerprints = new ConcurrentHashMap<>();
    for (String app : apps) {
      if (callers.contains(app)) {
        continue;
      }
      ValidationCache.KeyBuilder builder = own.get(app);
      fingerprints.put(app, new ValidationCache.KeyBuilder().add("shared", sharedKey).add("app", app)
          .add("own", builder == null ? "" : builder.build()).build());
    }
    return new RenderMemo(folder, fingerprints);
  }

  /**
   * The chart of {@code app} as rendering would give it, read from {@code writer}'s folder, when
   * the memo proves it; empty otherwise.
   */
  public Optional<RenderedChart> reuse(String app, String chartFolder, ChartWriter writer) {
    String fingerprint = fingerprints.get(app);
    if (folder == null || fingerprint == null) {
      return Optional.empty();
    }
    try {
      Path entry = folder.resolve(fingerprint);
      if (!Files.isRegularFile(entry)) {
        return Optional.empty();
      }
      String[] remembered = Files.readString(entry, StandardCharsets.UTF_8).split("\n", 2);
      if (remembered.length != 2) {
        return Optional.empty();
      }
      List<RenderedChart> onDisk = writer.existing(List.of(chartFolder));
      if (onDisk.isEmpty()) {
        return Optional.empty();
      }
      RenderedChart disk = onDisk.get(0);
      // The render's own Chart.yaml, which the disk's may carry stamped with a commit.
      TreeMap<String, String> files = new TreeMap<>(disk.files());
      files.put("Chart.yaml", remembered[1]);
      RenderedChart candidate = new RenderedChart(app, chartFolder, files);
      String stampedChartYaml = Provenance.recordedIn(disk.files().getOrDefault("Chart.yaml", ""))
          .stamp(candidate).files().get("Chart.yaml");
      if (!stampedChartYaml.equals(disk.files().get("Chart.yaml")) || !remembered[0].equals(hash(candidate))) {
        return Optional.empty();
      }
      return Optional.of(candidate);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Remembers freshly rendered app charts; failures to write are ignored. */
  public void remember(Collection<RenderedChart> charts) {
    if (folder == null) {
      return;
    }
    charts.parallelStream().filter(chart -> fingerprints.containsKey(chart.name()) && !chart.isUmbrella())
        .forEach(chart -> {
          try {
            Files.createDirectories(folder);
            Path entry = folder.resolve(fingerprints.get(chart.name()));
            Path temporary = Files.createTempFile(folder, "entry", ".tmp");
            Files.writeString(temporary, hash(chart) + "\n" + chart.files().getOrDefault("Chart.yaml", ""),
                StandardCharsets.UTF_8);
            try {
              Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
              Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
            }
          } catch (IOException | RuntimeException e) {
            // only a shortcut
          }
        });
  }

  static String hash(RenderedChart chart) {
    ValidationCache.KeyBuilder key = new ValidationCache.KeyBuilder();
    chart.files().forEach(key::add);
    return key.build();
  }
}
