package dev.chartfactory.dashboard.drift;

import dev.chartfactory.dashboard.cluster.DeploymentView;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Is what runs what the config repo's branch says? Fetches the branch into a bare cache (at most
 * once per {@code minFetchInterval}) and compares each deployment's
 * {@code chartfactory.dev/source-commit} with the branch head: current, how many commits behind,
 * which files changed since.
 */
public final class DriftService {

  static final int MAX_FILES = 50;

  /**
   * One deployment.
   *
   * @param deployment its name
   * @param sourceCommit the commit it was generated from, or null
   * @param state {@code current}, {@code behind}, {@code unknown-commit} (not on the branch) or {@code no-commit}
   * @param behind commits on the branch since its commit (0 when current, -1 when unknown)
   * @param changedFiles files that differ between its commit and the head (at most 50)
   */
  public record Item(String deployment, String sourceCommit, String state, int behind, List<String> changedFiles) {}

  /**
   * {@code GET /api/drift}.
   *
   * @param configured false when no repo URL is set (then nothing else is filled)
   * @param repoUrl the URL without credentials
   * @param branch the branch compared with
   * @param head the branch head, or null when the fetch failed
   * @param fetchedAt when the cache was last fetched
   * @param problem why the comparison is incomplete, or null
   * @param items per deployment
   */
  public record Report(
      boolean configured, String repoUrl, String branch, String head, Instant fetchedAt, String problem, List<Item> items) {}

  private final ConfigRepoUrl url;
  private final String branch;
  private final String token;
  private final File cache;
  private final Duration minFetchInterval;
  private final Clock clock;
  private Instant fetchedAt;
  private String fetchProblem;

  public DriftService(String repoUrl, String branch, String token, File cache, Duration minFetchInterval, Clock clock) {
    this.url = ConfigRepoUrl.parse(repoUrl);
    this.branch = branch == null || branch.isBlank() ? "main" : branch.trim();
    this.token = token == null ? "" : token;
    this.cache = cache;
    this.minFetchInterval = minFetchInterval;
    this.clock = clock;
  }

  public boolean configured() {
    return !url.safe().isEmpty();
  }

  public synchronized Report report(List<DeploymentView> deployments) {
    if (!configured()) {
      return new Report(false, null, null, null, null, null, List.of());
    }
    fetchIfDue();
    String problem = fetchProblem;
    if (url.hadCredentials()) {
      String note = "the repo URL carried credentials; they are ignored (set DASHBOARD_DRIFT_TOKEN instead)";
      problem = problem == null ? note : problem + "; " + note;
    }
    try (Repository repository = Git.open(cache).getRepository(); RevWalk walk = new RevWalk(repository)) {
      ObjectId headId = repository.resolve("refs/remotes/origin/" + branch);
      if (headId == null) {
        return new Report(true, url.safe(), branch, null, fetchedAt, problem == null ? "branch not fetched yet" : problem, List.of());
      }
      RevCommit head = walk.parseCommit(headId);
      List<Item> items = new ArrayList<>();
      for (DeploymentView d : deployments) {
        items.add(item(repository, head, d));
      }
      return new Report(true, url.safe(), branch, head.name(), fetchedAt, problem, items);
    } catch (IOException e) {
      return new Report(true, url.safe(), branch, null, fetchedAt, problem == null ? "cache unreadable: " + e.getMessage() : problem, List.of());
    }
  }

  private Item item(Repository repository, RevCommit head, DeploymentView d) throws IOException {
    String commit = d.sourceCommit();
    if (commit == null || commit.isBlank()) {
      return new Item(d.name(), null, "no-commit", -1, List.of());
    }
    ObjectId id;
    try {
      id = ObjectId.fromString(commit.trim());
    } catch (IllegalArgumentException e) {
      return new Item(d.name(), commit, "unknown-commit", -1, List.of());
    }
    if (id.equals(head)) {
      return new Item(d.name(), commit, "current", 0, List.of());
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit deployed;
      try {
        deployed = walk.parseCommit(id);
      } catch (org.eclipse.jgit.errors.MissingObjectException e) {
        return new Item(d.name(), commit, "unknown-commit", -1, List.of());
      }
      if (!walk.isMergedInto(deployed, walk.parseCommit(head))) {
        return new Item(d.name(), commit, "unknown-commit", -1, List.of());
      }
      walk.reset();
      walk.markStart(walk.parseCommit(head));
      walk.markUninteresting(walk.parseCommit(id));
      int behind = 0;
      for (RevCommit ignored : walk) {
        behind++;
      }
      return new Item(d.name(), commit, behind == 0 ? "current" : "behind", behind, changedFiles(repository, deployed, head));
    }
  }

  private static List<String> changedFiles(Repository repository, RevCommit from, RevCommit to) throws IOException {
    Set<String> files = new LinkedHashSet<>();
    try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      for (DiffEntry entry : diff.scan(from.getTree(), to.getTree())) {
        files.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath());
        if (files.size() >= MAX_FILES) {
          break;
        }
      }
    }
    return List.copyOf(files);
  }

  private void fetchIfDue() {
    Instant now = clock.instant();
    if (fetchedAt != null && Duration.between(fetchedAt, now).compareTo(minFetchInterval) < 0) {
      return;
    }
    fetchedAt = now;
    if (!token.isEmpty() && !url.isHttps()) {
      fetchProblem = "a token is set but the repo URL is not https://; not sending it, not fetching";
      return;
    }
    try (Git git = cache.exists() ? Git.open(cache) : Git.init().setBare(true).setDirectory(cache).call()) {
      var fetch = git.fetch()
          .setRemote(url.safe()) // a URL, not a named remote: nothing about the remote is written to the cache's config
          .setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/remotes/origin/" + branch))
          .setTimeout(30);
      if (!token.isEmpty()) {
        fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", token));
      }
      fetch.call();
      fetchProblem = null;
    } catch (GitAPIException | IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (!token.isEmpty()) {
        message = message.replace(token, "***");
      }
      fetchProblem = "fetch of " + url.safe() + " " + branch + " failed: " + message.strip().lines().findFirst().orElse("");
    }
  }
}
