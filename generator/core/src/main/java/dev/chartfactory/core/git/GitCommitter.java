package dev.chartfactory.core.git;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.spec.RepoLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefLeaseSpec;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Commits generated charts and pushes them. Only the generated folders ({@code charts/} and
 * {@code umbrella-chart/}, without Helm's build output and what .gitignore ignores) go into the
 * commit; any other change in the work tree or the index stays where it is, uncommitted. Call it
 * only after validation passed: it commits whatever is on disk.
 *
 * <p>A push that the remote rejects because someone pushed meanwhile is retried, at most
 * {@link #MAX_ATTEMPTS} times in all: fetch, move the branch to the new remote head (keeping
 * uncommitted user changes), generate again from the new specs, commit, push. Never forced.
 */
public final class GitCommitter {

  public static final int MAX_ATTEMPTS = 3;
  public static final PersonIdent DEFAULT_AUTHOR = new PersonIdent("Chart Factory", "chart-factory@localhost");

  private static final String REMOTE = "origin";
  private static final Pattern PERSON = Pattern.compile("\\s*(.*?)\\s*<([^<>\\s]+)>\\s*");

  /** Generates the charts again into the work tree, from the specs of {@code sourceCommit}. */
  @FunctionalInterface
  public interface Regenerator {
    void regenerate(ObjectId sourceCommit);
  }

  private final GitRepo repo;
  private final PersonIdent author;
  private final PipelineListener listener;
  /** The last commit {@link #commit} made, to take back off the branch when its push fails. */
  private RevCommit lastCommit;

  public GitCommitter(GitRepo repo, PersonIdent author, PipelineListener listener) {
    if (repo.workTree() == null) {
      throw new GitException(repo.name() + " has no work tree (a remote URL or a bare repository):"
          + " committing generated charts needs a clone; perhaps clone it and pass the clone's folder as --repo");
    }
    this.repo = repo;
    this.author = author;
    this.listener = listener;
  }

  /**
   * The author from {@code --author "Name <email>"}, else {@code user.name}/{@code user.email}
   * from the repository's Git config, else {@link #DEFAULT_AUTHOR}.
   */
  public static PersonIdent author(String option, Config config) {
    if (option != null && !option.isBlank()) {
      Matcher matcher = PERSON.matcher(option);
      if (!matcher.matches() || matcher.group(1).isEmpty()) {
        throw new UsageException("author",
            "'" + option + "' is not a Git identity (expected \"Name <email>\", e.g. \"CI Bot <ci@example.com>\")");
      }
      return new PersonIdent(matcher.group(1), matcher.group(2));
    }
    String name = config.getString("user", null, "name");
    String email = config.getString("user", null, "email");
    return name != null && !name.isBlank() && email != null && !email.isBlank()
        ? new PersonIdent(name, email) : DEFAULT_AUTHOR;
  }

  /**
   * Refuses when spec files have uncommitted changes: the commit records the source commit the
   * specs were read from, which would then not be the specs the charts came from.
   */
  public void requireCommittedSpecs() {
    List<String> dirty = changedPaths(specPaths())
        .stream().filter(path -> {
          String relative = path.substring(repo.prefix().length());
          return relative.equals(RepoLayout.FACTORY_FILE) || relative.contains("/") && GitSpecSource.fileWanted(relative);
        }).toList();
    if (!dirty.isEmpty()) {
      throw new GitException("spec files have uncommitted changes: " + String.join(", ", dirty.stream().limit(5).toList())
          + (dirty.size() > 5 ? " and " + (dirty.size() - 5) + " more" : "")
          + "; commit them first, so that the generated commit records the config commit it was made from");
    }
  }

  /**
   * Commits the generated folders when they changed; the message lists the apps and environments
   * that changed and the source commit. Returns the new commit, or empty when nothing changed.
   */
  public Optional<RevCommit> commit(ObjectId sourceCommit) {
    List<String> paths = changedPaths(RepoLayout.OUTPUT_FOLDERS).stream()
        .filter(path -> !helmOwned(path.substring(repo.prefix().length()))).toList();
    if (paths.isEmpty()) {
      listener.progress("commit", "generated charts unchanged: nothing to commit");
      return Optional.empty();
    }
    try (Git git = repo.git()) {
      var add = git.add();
      var remove = git.rm().setCached(true);
      boolean anyAdded = false;
      boolean anyRemoved = false;
      for (String path : paths) {
        if (repo.workTree().resolve(path).toFile().exists()) {
          add.addFilepattern(path);
          anyAdded = true;
        } else {
          remove.addFilepattern(path);
          anyRemoved = true;
        }
      }
      if (anyAdded) {
        add.call();
      }
      if (anyRemoved) {
        remove.call();
      }
      var commit = git.commit().setAuthor(author).setCommitter(author)
          .setMessage(message(paths, sourceCommit)).setAllowEmpty(false);
      // --only: other staged changes stay staged, out of this commit.
      paths.forEach(commit::setOnly);
      RevCommit made = commit.call();
      lastCommit = made;
      listener.progress("commit", made.getId().abbreviate(7).name() + " " + made.getShortMessage());
      return Optional.of(made);
    } catch (GitAPIException | RuntimeException e) {
      if (e instanceof GitException) {
        throw (GitException) e;
      }
      throw new GitException("cannot commit the generated charts in " + repo.name() + ": " + e.getMessage(), e);
    }
  }

  private String message(List<String> paths, ObjectId sourceCommit) {
    Set<String> apps = new TreeSet<>();
    Set<String> environments = new TreeSet<>();
    boolean umbrella = false;
    for (String path : paths) {
      String[] parts = path.substring(repo.prefix().length()).split("/");
      if (parts[0].equals(RepoLayout.CHARTS) && parts.length > 2) {
        apps.add(parts[1]);
      } else if (parts[0].equals(RepoLayout.UMBRELLA_CHART)) {
        String file = parts[parts.length - 1];
        if (parts.length == 2 && file.startsWith("values-") && file.endsWith(".yaml")) {
          environments.add(file.substring("values-".length(), file.length() - ".yaml".length()));
        } else {
          umbrella = true;
        }
      }
    }
    String shortId = sourceCommit.abbreviate(7).name();
    String what = !apps.isEmpty() ? String.join(", ", apps) : "umbrella";
    return "Generate charts from " + shortId + ": " + what + "\n\n"
        + "Apps: " + (apps.isEmpty() ? "none" : String.join(", ", apps)) + "\n"
        + "Environments: " + (environments.isEmpty() ? "none" : String.join(", ", environments))
        + (umbrella ? " (and the umbrella chart itself)" : "") + "\n"
        + "Source commit: " + sourceCommit.name() + "\n\n"
        + "Generated by Chart Factory: only " + repo.prefix() + RepoLayout.CHARTS + "/ and " + repo.prefix()
        + RepoLayout.UMBRELLA_CHART + "/ are in this commit.\n";
  }

  /**
   * Pushes HEAD to {@code branch} of origin. When the push is rejected as not fast-forward and
   * {@code regenerate} is given, fetches, moves HEAD to the remote branch, regenerates, commits
   * and tries again, at most {@link #MAX_ATTEMPTS} pushes in all. Without {@code regenerate}
   * (a pull-request branch) a rejection is an error. Returns the commit the branch now points at.
   */
  public ObjectId push(String branch, Regenerator regenerate) {
    try {
      return pushWithRetries(branch, regenerate);
    } catch (GitException e) {
      String undone = takeBackGeneratedCommit();
      throw undone == null ? e : new GitException(e.getMessage() + "; " + undone, e);
    }
  }

  private ObjectId pushWithRetries(String branch, Regenerator regenerate) {
    for (int attempt = 1; ; attempt++) {
      RemoteRefUpdate update = pushOnce(branch, regenerate == null);
      RemoteRefUpdate.Status status = update.getStatus();
      if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
        listener.progress("push", "pushed " + update.getNewObjectId().abbreviate(7).name() + " to "
            + REMOTE + "/" + branch + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
        return update.getNewObjectId();
      }
      boolean moved = status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
          || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED;
      if (!moved || regenerate == null || attempt >= MAX_ATTEMPTS) {
        throw new GitException("push to " + REMOTE + "/" + branch + " rejected (" + status
            + (update.getMessage() == null ? "" : ": " + update.getMessage()) + ")"
            + (moved && regenerate == null ? "; the branch already exists on " + REMOTE + ", and a pull-request branch is"
                + " always a new one (not even a fast-forward is pushed to an existing branch): choose a new"
                + " --pr-branch name, or delete the old branch if it is yours" : "")
            + (moved && regenerate != null ? " after " + attempt + " attempts; someone keeps pushing: try again later" : "")
            + "; nothing was force-pushed");
      }
      listener.progress("push", REMOTE + "/" + branch + " moved on meanwhile: fetching, regenerating on top of it"
          + " and trying again (attempt " + (attempt + 1) + " of " + MAX_ATTEMPTS + ")");
      ObjectId remoteHead = fetch(branch);
      moveTo(remoteHead);
      regenerate.regenerate(remoteHead);
      if (commit(remoteHead).isEmpty()) {
        listener.progress("push", "the new remote head already has these charts: nothing to push");
        return remoteHead;
      }
    }
  }

  /** One push of HEAD; {@code createOnly}: the remote branch must not exist yet (checked by the remote, atomically). */
  private RemoteRefUpdate pushOnce(String branch, boolean createOnly) {
    GitAuth auth = GitAuth.fromEnvironment();
    try (Git git = repo.git()) {
      var push = git.push().setRemote(REMOTE).setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).setForce(false);
      if (createOnly) {
        push.setRefLeaseSpecs(new RefLeaseSpec("refs/heads/" + branch, ObjectId.zeroId().name()));
      }
      Iterable<PushResult> results = auth.apply(push).call();
      for (PushResult result : results) {
        RemoteRefUpdate update = result.getRemoteUpdate("refs/heads/" + branch);
        if (update != null) {
          return update;
        }
      }
      throw new GitException("push to " + REMOTE + "/" + branch + " reported no result");
    } catch (GitAPIException e) {
      throw auth.failure("cannot push to " + REMOTE + "/" + branch, e);
    }
  }

  private ObjectId fetch(String branch) {
    String tracking = "refs/remotes/" + REMOTE + "/" + branch;
    GitAuth auth = GitAuth.fromEnvironment();
    try (Git git = repo.git()) {
      auth.apply(git.fetch().setRemote(REMOTE)
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":" + tracking))).call();
      ObjectId head = repo.repository().resolve(tracking);
      if (head == null) {
        throw new GitException("fetched " + REMOTE + " but " + tracking + " does not exist");
      }
      return head;
    } catch (GitAPIException | IOException e) {
      throw auth.failure("cannot fetch " + REMOTE + "/" + branch, e);
    }
  }

  /**
   * After a failed push: moves the branch back to the parent of the generated commit, when HEAD
   * is still that commit, and unstages the generated folders; their files stay in the work tree.
   * Returns what was done, for the message, or null when there was nothing to undo.
   */
  private String takeBackGeneratedCommit() {
    if (lastCommit == null || lastCommit.getParentCount() != 1) {
      return null;
    }
    try (Git git = repo.git()) {
      ObjectId head = repo.repository().resolve(org.eclipse.jgit.lib.Constants.HEAD);
      if (!lastCommit.getId().equals(head)) {
        return null;
      }
      String parent = lastCommit.getParent(0).getId().name();
      git.reset().setMode(ResetCommand.ResetType.SOFT).setRef(parent).call();
      git.reset().setRef(parent).addPath(repo.prefix() + "charts").addPath(repo.prefix() + "umbrella-chart").call();
      listener.progress("commit", "took the generated commit " + lastCommit.getId().abbreviate(7).name()
          + " back off the branch: the push failed");
      return "the generated commit " + lastCommit.getId().abbreviate(7).name() + " was taken back off the local branch"
          + " (the generated charts are still in the work tree, uncommitted)";
    } catch (GitAPIException | IOException e) {
      return "the generated commit " + lastCommit.getId().abbreviate(7).name() + " is still on the local branch"
          + " (taking it back failed: " + e.getMessage() + "); 'git reset --soft HEAD~1' removes it";
    }
  }

  /**
   * Moves the checked-out branch to {@code target}, dropping our generated commit (it is made
   * again) and keeping uncommitted user changes: stash them, reset, apply them back.
   */
  private void moveTo(ObjectId target) {
    try (Git git = repo.git()) {
      RevCommit stash = git.stashCreate().setIncludeUntracked(false).call();
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(target.name()).call();
      if (stash != null) {
        try {
          git.stashApply().setStashRef(stash.name()).call();
        } catch (GitAPIException e) {
          throw new GitException("your uncommitted changes conflict with the commits fetched from " + REMOTE
              + "; they are kept in the stash (" + stash.getId().abbreviate(7).name() + "): "
              + "'git stash pop' after resolving", e);
        }
        git.stashDrop().setStashRef(0).call();
      }
    } catch (GitAPIException e) {
      throw new GitException("cannot move to the fetched " + REMOTE + " head " + target.abbreviate(7).name()
          + ": " + e.getMessage(), e);
    }
  }

  /** Changed, added, deleted or untracked (not ignored) files below the given config-repo folders. */
  private List<String> changedPaths(List<String> folders) {
    try (Git git = repo.git()) {
      StatusCommand command = git.status();
      folders.forEach(folder -> command.addPath(repo.prefix() + folder));
      var status = command.call();
      Set<String> paths = new TreeSet<>();
      paths.addAll(status.getAdded());
      paths.addAll(status.getChanged());
      paths.addAll(status.getRemoved());
      paths.addAll(status.getMissing());
      paths.addAll(status.getModified());
      paths.addAll(status.getUntracked());
      List<String> result = new ArrayList<>();
      for (String path : paths) {
        if (path.startsWith(repo.prefix())) {
          result.add(path);
        }
      }
      return result;
    } catch (GitAPIException e) {
      throw new GitException("cannot read the status of " + repo.name() + ": " + e.getMessage(), e);
    }
  }

  private static List<String> specPaths() {
    List<String> paths = new ArrayList<>(List.of(RepoLayout.FACTORY_FILE));
    paths.addAll(new TreeSet<>(RepoLayout.SPEC_FOLDERS));
    return paths;
  }

  /** Helm's build output in a chart folder: never generated, never committed. */
  static boolean helmOwned(String path) {
    String[] parts = path.split("/");
    int chartDepth = parts[0].equals(RepoLayout.UMBRELLA_CHART) ? 1 : 2;
    return parts.length > chartDepth && RepoLayout.HELM_OWNED.contains(parts[chartDepth]);
  }
}
