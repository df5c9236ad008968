package dev.chartfactory.core.git;

import dev.chartfactory.core.diff.AffectedApps;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.spec.RepoLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The config repo's work tree against a base commit (a pull request's target branch): which
 * files differ, and the charts committed at the base. Files the index knows unchanged are
 * compared by their index entry, so only edited files are read.
 */
public final class BaseComparison implements AutoCloseable {

  private final GitRepo repo;
  private final RevCommit base;
  private final String baseRef;
  private final SortedSet<String> changedPaths;
  private final boolean ownsRepo;

  private BaseComparison(GitRepo repo, boolean ownsRepo, RevCommit base, String baseRef,
      SortedSet<String> changedPaths) {
    this.repo = repo;
    this.ownsRepo = ownsRepo;
    this.base = base;
    this.baseRef = baseRef;
    this.changedPaths = changedPaths;
  }

  /**
   * Opens the Git repository around {@code folder} and compares its work tree with
   * {@code baseRef}; closing the comparison closes the repository.
   */
  public static BaseComparison open(java.nio.file.Path folder, String baseRef) {
    GitRepo repo = GitRepo.openLocal(folder);
    try {
      return compare(repo, true, baseRef);
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (ownsRepo) {
      repo.close();
    }
  }

  /** Compares the work tree of {@code repo} with {@code baseRef}; the repo must have a work tree. */
  public static BaseComparison of(GitRepo repo, String baseRef) {
    return compare(repo, false, baseRef);
  }

  private static BaseComparison compare(GitRepo repo, boolean ownsRepo, String baseRef) {
    if (repo.workTree() == null) {
      throw new GitException(repo.name() + " has no work tree to compare with " + baseRef
          + " (expected a checkout of the pull request)");
    }
    RevCommit base = GitSpecSource.resolve(repo, baseRef);
    return new BaseComparison(repo, ownsRepo, base, baseRef, changedPaths(repo, base));
  }

  /**
   * Paths that differ between the base and the work tree, found in three cheap steps rather than
   * by reading every file: base tree against HEAD's (identical subtrees are skipped by id), the
   * index against HEAD (staged changes), and the work tree against the index by file size and
   * time, like {@code git status} (only files whose stat differs are read). A path changed in
   * any step counts, even if a later step changes it back: that only renders an app more.
   */
  private static SortedSet<String> changedPaths(GitRepo repo, RevCommit base) {
    SortedSet<String> changed = new TreeSet<>();
    Repository repository = repo.repository();
    try (RevWalk revWalk = new RevWalk(repository)) {
      ObjectId headId = repository.resolve(Constants.HEAD);
      RevTree head = headId == null ? null : revWalk.parseCommit(headId).getTree();
      DirCache index = repository.readDirCache();
      try (TreeWalk walk = new TreeWalk(repository)) {
        walk.addTree(base.getTree());
        addTreeOrEmpty(walk, head);
        walk.setRecursive(true);
        walk.setFilter(filtered(repo, TreeFilter.ANY_DIFF));
        while (walk.next()) {
          add(repo, changed, walk.getPathString());
        }
      }
      try (TreeWalk walk = new TreeWalk(repository)) {
        addTreeOrEmpty(walk, head);
        walk.addTree(new DirCacheIterator(index));
        walk.setRecursive(true);
        walk.setFilter(filtered(repo, TreeFilter.ANY_DIFF));
        while (walk.next()) {
          add(repo, changed, walk.getPathString());
        }
      }
      try (TreeWalk walk = new TreeWalk(repository)) {
        int cached = walk.addTree(new DirCacheIterator(index));
        int work = walk.addTree(new FileTreeIterator(repository));
        walk.setFilter(filtered(repo, TreeFilter.ALL));
        while (walk.next()) {
          DirCacheIterator entry = walk.getTree(cached, DirCacheIterator.class);
          WorkingTreeIterator file = walk.getTree(work, WorkingTreeIterator.class);
          // Untracked and ignored (build output, helm's packaged charts): not part of the specs.
          boolean ignored = entry == null && file != null && file.isEntryIgnored();
          if (walk.isSubtree()) {
            if (!ignored) {
              walk.enterSubtree();
            }
          } else if (!ignored && (entry == null || file == null
              || file.isModified(entry.getDirCacheEntry(), true, walk.getObjectReader()))) {
            add(repo, changed, walk.getPathString());
          }
        }
      }
    } catch (IOException e) {
      throw new GitException("cannot compare " + repo.name() + " with " + base.getId().abbreviate(7).name()
          + ": " + e.getMessage(), e);
    }
    return changed;
  }

  private static void addTreeOrEmpty(TreeWalk walk, RevTree tree) throws IOException {
    if (tree == null) {
      walk.addTree(new EmptyTreeIterator());
    } else {
      walk.addTree(tree);
    }
  }

  private static TreeFilter filtered(GitRepo repo, TreeFilter filter) {
    String prefix = repo.prefix();
    return prefix.isEmpty() ? filter
        : AndTreeFilter.create(PathFilter.create(prefix.substring(0, prefix.length() - 1)), filter);
  }

  private static void add(GitRepo repo, SortedSet<String> changed, String path) {
    if (path.startsWith(repo.prefix())) {
      changed.add(path.substring(repo.prefix().length()));
    }
  }

  /** Config-repo-relative paths added, removed or changed since the base. */
  public SortedSet<String> changedPaths() {
    return changedPaths;
  }

  public String describeBase() {
    return baseRef + " (" + base.getId().abbreviate(7).name() + ")";
  }

  /**
   * The charts committed at the base: the umbrella and the affected apps' charts (all of them
   * when every app is affected); one absent there is left out. Helm's build output in the
   * umbrella is not a generated chart and is skipped.
   */
  public List<RenderedChart> chartsAtBase(AffectedApps affected) {
    SortedMap<String, SortedMap<String, String>> files = new TreeMap<>();
    String prefix = repo.prefix();
    List<TreeFilter> filters = new ArrayList<>(List.of(PathFilter.create(prefix + RepoLayout.UMBRELLA_CHART)));
    if (affected.all()) {
      filters.add(PathFilter.create(prefix + RepoLayout.CHARTS));
    } else {
      affected.apps().forEach(app -> filters.add(PathFilter.create(prefix + RepoLayout.chartFolder(app))));
    }
    try (TreeWalk walk = new TreeWalk(repo.repository()); ObjectReader reader = repo.repository().newObjectReader()) {
      walk.addTree(base.getTree());
      walk.setRecursive(true);
      walk.setFilter(filters.size() == 1 ? filters.get(0) : OrTreeFilter.create(filters));
      while (walk.next()) {
        String path = walk.getPathString().substring(prefix.length());
        String[] parts = path.split("/", 3);
        String folder = parts[0].equals(RepoLayout.CHARTS) && parts.length == 3 ? RepoLayout.chartFolder(parts[1]) : parts[0];
        String file = path.substring(Math.min(path.length(), folder.length() + 1));
        boolean helmOutput = folder.equals(RepoLayout.UMBRELLA_CHART) && (file.startsWith("charts/") || file.equals("Chart.lock"));
        if (file.isEmpty() || helmOutput || !folder.equals(RepoLayout.UMBRELLA_CHART) && !folder.startsWith(RepoLayout.CHARTS + "/")) {
          continue;
        }
        byte[] content = reader.open(walk.getObjectId(0)).getBytes();
        files.computeIfAbsent(folder, f -> new TreeMap<>()).put(file, new String(content, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new GitException("cannot read the charts at " + describeBase() + ": " + e.getMessage(), e);
    }
    List<RenderedChart> charts = new ArrayList<>();
    files.forEach((folder, content) -> {
      // Like ChartWriter: only charts we generated, never a hand-written one beside them.
      if (content.getOrDefault("Chart.yaml", "").startsWith("# Generated by Chart Factory")) {
        charts.add(new RenderedChart(folder.equals(RepoLayout.UMBRELLA_CHART) ? "umbrella" : folder.substring(RepoLayout.CHARTS.length() + 1),
            folder, content));
      }
    });
    return charts;
  }
}
