package dev.chartfactory.core.write;

import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.InvalidInputException;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.validate.ChartWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes generated charts to disk: only folders whose content changed are touched, each one
 * replaced as a whole by a rename of a fully written temporary folder, so a failure never leaves
 * a half-written chart. Folders of apps that no longer exist are removed. Helm's build output
 * (an umbrella's {@code charts/} and {@code Chart.lock}) is left alone.
 */
public final class ChartWriter {

  /** Paths inside a chart folder that {@code helm dependency build} owns, not the generator. */

  private final Path root;

  public ChartWriter(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * What writing {@code charts} would change, without writing anything. With
   * {@code complete}, generated app charts not in {@code charts} count as removed.
   */
  public List<ChartChange> plan(List<RenderedChart> charts, boolean complete) {
    List<ChartChange> changes = new ArrayList<>();
    Set<String> generatedFolders = new TreeSet<>();
    for (RenderedChart chart : charts) {
      generatedFolders.add(chart.folder());
      changes.add(compare(chart.folder(), chart.files()));
    }
    for (String folder : complete ? existingAppFolders() : List.<String>of()) {
      if (!generatedFolders.contains(folder)) {
        changes.add(compare(folder, Map.of()));
      }
    }
    return changes.stream().filter(c -> !c.isEmpty()).toList();
  }

  /**
   * What writing {@code charts} (some apps' charts and the umbrella) would change, without
   * writing anything. Generated app charts on disk whose app is not in {@code currentApps}
   * count as removed; the other charts not given are not compared.
   */
  public List<ChartChange> plan(List<RenderedChart> charts, Set<String> currentApps) {
    List<ChartChange> changes = new ArrayList<>();
    Set<String> renderedFolders = new TreeSet<>();
    for (RenderedChart chart : charts) {
      renderedFolders.add(chart.folder());
      changes.add(compare(chart.folder(), chart.files()));
    }
    // Only folders of apps that are gone are read, not the Chart.yaml of every current app.
    for (String folder : existingAppFolders(name -> !currentApps.contains(name)
        && !renderedFolders.contains(RepoLayout.chartFolder(name)))) {
      changes.add(compare(folder, Map.of()));
    }
    return changes.stream().filter(c -> !c.isEmpty()).toList();
  }

  /**
   * The charts with {@code fresh} provenance recorded, except where a chart's only difference
   * from what is on disk would be the recorded commit: that chart keeps the commit already
   * recorded, so a new config commit that changes nothing in a chart does not rewrite it (and a
   * commit of generated charts does not, in turn, make the next run commit again). With
   * {@link Provenance#NONE} every chart keeps the commit it records, so {@code check} accepts
   * charts that carry provenance and a plain {@code generate-all} does not strip it.
   */
  public List<RenderedChart> withProvenance(List<RenderedChart> charts, Provenance fresh) {
    List<RenderedChart> result = new ArrayList<>();
    for (RenderedChart chart : charts) {
      Path chartYaml = resolve(chart.folder()).resolve("Chart.yaml");
      Provenance recorded = Files.isRegularFile(chartYaml)
          ? Provenance.recordedIn(new String(read(chartYaml), StandardCharsets.UTF_8)) : Provenance.NONE;
      if (recorded.isKnown() && !fresh.isKnown()) {
        // A run without a commit to record (plain generate-all, check) never erases the commit an
        // earlier --commit recorded: that would relabel every object of the platform.
        result.add(recorded.stamp(chart));
        continue;
      }
      if (recorded.isKnown() && !recorded.equals(fresh)) {
        RenderedChart kept = recorded.stamp(chart);
        if (compare(kept.folder(), kept.files()).isEmpty()) {
          result.add(kept);
          continue;
        }
      }
      result.add(fresh.stamp(chart));
    }
    return result;
  }

  /** Writes the charts that changed and returns what changed. */
  public List<ChartChange> write(List<RenderedChart> charts, boolean complete) {
    return write(charts, complete, null);
  }

  /**
   * Writes the charts that changed, taking a chart's files from {@code prepared} (a workspace
   * already written below this writer's root, see {@link #stagingFolder()}) when it holds them:
   * its folder is moved into place instead of writing every file again. Null: write from memory.
   */
  public List<ChartChange> write(List<RenderedChart> charts, boolean complete, ChartWorkspace prepared) {
    List<ChartChange> changes = plan(charts, complete);
    Map<String, RenderedChart> byFolder = new java.util.HashMap<>();
    charts.forEach(chart -> byFolder.put(chart.folder(), chart));
    // Charts are independent folders; creating files is slow on some file systems, so in parallel.
    changes.parallelStream().forEach(change -> {
      RenderedChart chart = byFolder.get(change.folder());
      if (chart == null) {
        deleteGenerated(resolve(change.folder()));
      } else {
        replaceFolder(chart, prepared == null ? null : prepared.folderOf(chart).orElse(null));
      }
    });
    return changes;
  }

  /**
   * A new empty folder below the root, on the same file system as the output, for a workspace
   * whose charts {@link #write(List, boolean, ChartWorkspace)} can then move into place.
   */
  public Path stagingFolder() {
    try {
      Files.createDirectories(root);
      return Files.createTempDirectory(root, ".factory-staging-");
    } catch (IOException e) {
      throw FileAccessException.of("cannot create a staging folder in " + root, e);
    }
  }

  /** The generated charts as they are on disk now (app charts and the umbrella), for diffs. */
  public List<RenderedChart> existing() {
    List<String> folders = new ArrayList<>(existingAppFolders());
    folders.add(RepoLayout.UMBRELLA_CHART);
    return existing(folders);
  }

  /** The charts on disk in these folders; folders without a Chart.yaml are left out. */
  public List<RenderedChart> existing(java.util.Collection<String> folders) {
    List<RenderedChart> charts = new ArrayList<>();
    for (String folder : folders) {
      if (!Files.isRegularFile(resolve(folder).resolve("Chart.yaml"))) {
        continue;
      }
      java.util.SortedMap<String, String> files = new java.util.TreeMap<>();
      Path dir = resolve(folder);
      for (String file : listFiles(dir)) {
        files.put(file, new String(read(dir.resolve(file)), StandardCharsets.UTF_8));
      }
      String name = folder.equals(RepoLayout.UMBRELLA_CHART) ? "umbrella" : folder.substring(RepoLayout.CHARTS.length() + 1);
      charts.add(new RenderedChart(name, folder, files));
    }
    return charts;
  }

  private ChartChange compare(String folder, Map<String, String> files) {
    Path dir = resolve(folder);
    Set<String> onDisk = new TreeSet<>(listFiles(dir));
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!onDisk.remove(file.getKey())) {
        added.add(file.getKey());
      } else if (!Arrays.equals(read(dir.resolve(file.getKey())), file.getValue().getBytes(StandardCharsets.UTF_8))) {
        changed.add(file.getKey());
      }
    }
    return new ChartChange(folder, added, changed, List.copyOf(onDisk));
  }

  private void replaceFolder(RenderedChart chart, Path prepared) {
    Path target = resolve(chart.folder());
    Path parent = target.getParent();
    try {
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, ".factory-new-");
      if (!movedInto(prepared, staging)) {
        ChartWorkspace.writeFiles(staging, chart.files());
      }
      if (Files.exists(target)) {
        // Keep Helm's own build output across the swap.
        for (String owned : RepoLayout.HELM_OWNED) {
          Path kept = target.resolve(owned);
          if (Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(kept, staging.resolve(owned), StandardCopyOption.ATOMIC_MOVE);
          }
        }
        Path old = parent.resolve(".factory-old-" + target.getFileName());
        deleteTree(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
      } else {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw FileAccessException.of("cannot write " + chart.folder(), e);
    }
  }

  /** Moves a prepared chart folder to {@code staging}; false, and nothing moved, when it cannot. */
  private static boolean movedInto(Path prepared, Path staging) throws IOException {
    if (prepared == null || !Files.isDirectory(prepared, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      Files.delete(staging);
      Files.move(prepared, staging, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.createDirectories(staging);
      return false;
    }
  }

  private List<String> existingAppFolders() {
    return existingAppFolders(name -> true);
  }

  /** Generated app chart folders whose name {@code wanted} accepts. */
  private List<String> existingAppFolders(java.util.function.Predicate<String> wanted) {
    Path charts = root.resolve(RepoLayout.CHARTS);
    if (!Files.isDirectory(charts)) {
      return List.of();
    }
    try (var list = Files.list(charts)) {
      return list.filter(p -> wanted.test(p.getFileName().toString()))
          .filter(p -> Files.isRegularFile(p.resolve("Chart.yaml")))
          .filter(p -> isGenerated(p.resolve("Chart.yaml")))
          .map(p -> RepoLayout.chartFolder(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw FileAccessException.of("cannot list " + charts, e);
    }
  }

  /** Only charts we generated are ever removed; a hand-written chart beside them is kept. */
  private static boolean isGenerated(Path chartYaml) {
    try {
      return Files.readString(chartYaml).startsWith("# Generated by Chart Factory");
    } catch (IOException e) {
      return false;
    }
  }

  private List<String> listFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          return !d.equals(dir) && dir.relativize(d).getNameCount() == 1
              && RepoLayout.HELM_OWNED.contains(d.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String relative = dir.relativize(file).toString().replace('\\', '/');
          if (!RepoLayout.HELM_OWNED.contains(relative)) {
            files.add(relative);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw FileAccessException.of("cannot list " + dir, e);
    }
    return files;
  }

  private void deleteGenerated(Path dir) {
    deleteTree(dir);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw FileAccessException.of("cannot read " + file, e);
    }
  }

  private Path resolve(String folder) {
    Path path = root.resolve(folder).normalize();
    if (!path.startsWith(root)) {
      throw new InvalidInputException("output folder escapes the repo: " + folder, (Throwable) null);
    }
    return path;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw FileAccessException.of("cannot delete " + dir, e);
    }
  }
}
