package dev.chartfactory.core.git;

import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.load.SpecSource;
import dev.chartfactory.core.spec.RepoLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Spec files as they are in one commit of a Git repository, read from the object database
 * without a checkout: a branch, a tag, a commit id, or anything {@code git rev-parse} accepts.
 * Lists the same files {@link dev.chartfactory.core.load.DirectorySpecSource} would, and like
 * it skips symbolic links (and submodules). The fingerprint of a file is its blob id.
 */
public final class GitSpecSource implements SpecSource {


  private final Repository repository;
  private final String ref;
  private final String name;
  private final RevCommit commit;
  /** Repo-relative path (below the prefix) to blob id, sorted. */
  private final Map<String, ObjectId> blobs;

  /** Reads {@code ref} of the repository; the config repo is the whole tree. */
  public GitSpecSource(Repository repository, String ref) {
    this(new GitRepo(repository, null, "", repository.getDirectory().toString()), ref);
  }

  /** Reads {@code ref} of an opened repo, below its prefix. */
  public GitSpecSource(GitRepo repo, String ref) {
    this.repository = repo.repository();
    this.ref = ref;
    this.name = repo.name();
    this.commit = resolve(repo, ref);
    this.blobs = list(repo.prefix());
  }

  static RevCommit resolve(GitRepo repo, String ref) {
    try {
      ObjectId id = repo.repository().resolve(ref + "^{commit}");
      if (id == null) {
        List<String> branches = repo.someBranches(5);
        throw new GitException("ref '" + ref + "' not found in " + repo.name()
            + (branches.isEmpty() ? " (it has no branches yet)"
                : " (branches include: " + String.join(", ", branches) + "; perhaps a typo, or fetch first?)"));
      }
      try (RevWalk walk = new RevWalk(repo.repository())) {
        return walk.parseCommit(id);
      }
    } catch (IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
      throw new GitException("cannot resolve ref '" + ref + "' in " + repo.name() + ": " + e.getMessage(), e);
    }
  }

  private Map<String, ObjectId> list(String prefix) {
    Map<String, ObjectId> files = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(false);
      if (!prefix.isEmpty()) {
        walk.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
      }
      while (walk.next()) {
        String full = walk.getPathString();
        if (!full.startsWith(prefix)) {
          // A folder on the way down to the config repo's folder (the filter lets only those through).
          if (walk.isSubtree()) {
            walk.enterSubtree();
          }
          continue;
        }
        String path = full.substring(prefix.length());
        FileMode mode = walk.getFileMode(0);
        if (walk.isSubtree()) {
          if (wanted(path)) {
            walk.enterSubtree();
          }
        } else if ((mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) && fileWanted(path)) {
          files.put(path, walk.getObjectId(0));
        }
      }
    } catch (IOException e) {
      throw new GitException("cannot read the tree of " + describe() + ": " + e.getMessage(), e);
    }
    return files;
  }

  /** The folders DirectorySpecSource walks: spec roots, and below apps/<app>/ only instances/. */
  private static boolean wanted(String folder) {
    return RepoLayout.holdsSpecs(folder);
  }

  static boolean fileWanted(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 || wanted(path.substring(0, slash));
  }

  /** The commit the specs are read from. */
  public ObjectId commitId() {
    return commit.getId();
  }

  public String ref() {
    return ref;
  }

  @Override
  public String describe() {
    return name + "@" + ref + " (" + commit.getId().abbreviate(7).name() + ")";
  }

  @Override
  public List<String> files() {
    return new ArrayList<>(blobs.keySet());
  }

  @Override
  public long size(String path) {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.getObjectSize(blob(path), Constants.OBJ_BLOB);
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " at " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] read(String path) {
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(blob(path), Constants.OBJ_BLOB).getBytes();
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " at " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String fingerprint(String path) {
    ObjectId id = blobs.get(path);
    return id == null ? null : id.name();
  }

  private ObjectId blob(String path) {
    ObjectId id = blobs.get(path);
    if (id == null) {
      throw new GitException("no such file at " + describe() + ": " + path);
    }
    return id;
  }
}
