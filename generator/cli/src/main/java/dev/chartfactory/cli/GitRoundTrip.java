package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.git.GitCommitter;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.git.GitSpecSource;
import dev.chartfactory.core.render.Provenance;
import dev.chartfactory.core.write.ChartChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import static dev.chartfactory.cli.GenerateCommands.isBlank;

/**
 * {@code generate-all} with Git options: specs read from a ref (no checkout), the source commit
 * recorded in the charts, and the result committed and pushed (or pushed to a PR branch).
 */
final class GitRoundTrip {

  private GitRoundTrip() {}

  static String run(String repoOption, String ref, boolean commit, boolean push, String prBranch,
      String author, boolean dryRun, boolean skipValidation, PipelineListener listener) {
    if (commit && dryRun) {
      throw usage("dry-run", "--dry-run writes nothing, so it cannot be combined with --commit, --push or --pr-branch");
    }
    try (GitRepo git = GitRepo.open(repoOption)) {
      String readRef = isBlank(ref) ? Constants.HEAD : ref;
      GitCommitter committer = null;
      String branch = git.workTree() == null ? null : git.currentBranch();
      if (commit) {
        committer = new GitCommitter(git, GitCommitter.author(author, git.repository().getConfig()), listener);
        if (!git.isCheckedOut(readRef)) {
          throw new GitException("--ref " + ref + " is not the checked-out "
              + (branch == null ? "commit (HEAD is detached)" : "branch (" + branch + ")")
              + ": --commit writes the charts into the work tree, so check out " + ref
              + " first, or drop --commit/--push/--pr-branch to only generate from it");
        }
        if (push && isBlank(prBranch) && branch == null) {
          throw new GitException("HEAD is detached: --push needs a checked-out branch; check one out, or use --pr-branch NAME");
        }
        committer.requireCommittedSpecs();
      }
      GitSpecSource source = new GitSpecSource(git, readRef);
      Path root = outputRoot(git, dryRun);
      List<ChartChange> changes = GenerateCommands.generate(source, root, Set.of(), dryRun, skipValidation,
          Provenance.ofCommit(source.commitId().name()), listener);
      StringBuilder result = new StringBuilder(GenerateCommands.summary(changes, dryRun))
          .append("\nsource: ").append(source.describe());
      if (committer == null) {
        return result.toString();
      }
      Optional<RevCommit> made = committer.commit(source.commitId());
      if (made.isEmpty()) {
        return result.append("\nnothing to commit").toString();
      }
      result.append("\ncommitted ").append(made.get().getId().abbreviate(7).name()).append(' ')
          .append(made.get().getShortMessage());
      if (push || !isBlank(prBranch)) {
        String target = isBlank(prBranch) ? branch : prBranch;
        // A PR branch is new: a rejection there is an error, not a reason to regenerate.
        ObjectId pushed = committer.push(target, !isBlank(prBranch) ? null : newSource -> GenerateCommands.generate(
            new GitSpecSource(git, newSource.name()), root, Set.of(), false, skipValidation,
            Provenance.ofCommit(newSource.name()), listener));
        result.append("\npushed ").append(pushed.abbreviate(7).name()).append(" to origin/").append(target);
      }
      return result.toString();
    }
  }

  /** The config repo's folder in the work tree; for a remote or bare repo, an empty scratch folder (dry run). */
  private static Path outputRoot(GitRepo git, boolean dryRun) {
    if (git.workTree() != null) {
      return git.workTree().resolve(git.prefix()).normalize();
    }
    if (!dryRun) {
      throw new GitException(git.name() + " has no work tree to write the charts to: add --dry-run to see"
          + " what it generates, or clone it and pass the clone's folder as --repo");
    }
    return ScratchFolders.create("factory-dry-run-");
  }

  private static UsageException usage(String option, String message) {
    return new UsageException(option, message);
  }
}
