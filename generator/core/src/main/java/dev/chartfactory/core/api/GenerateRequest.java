package dev.chartfactory.core.api;

import java.nio.file.Path;
import java.util.Set;

/**
 * What {@link ChartFactory#generate} should do: render, validate and write the charts of a config
 * repo, optionally read from a Git ref and committed or pushed.
 *
 * @param repo the {@code --repo} option: a folder, or a Git URL (then always read through Git)
 * @param apps the apps to render; empty for all of them (generate-all)
 * @param ref the Git branch, tag or commit to read the specs from; empty for the work tree
 * @param commit commit the generated folders (implied by {@code push} and {@code prBranch})
 * @param push push the commit to the checked-out branch, regenerating when someone pushed meanwhile
 * @param prBranch push the commit to this new branch instead; empty for none
 * @param author the commit author, {@code Name <email>}; empty for Git's config or the default
 * @param dryRun compute the changes, write nothing
 * @param skipValidation skip helm lint/template and the schema and policy checks
 * @param output where to write the charts instead of the repo folder (deploy --dry-run's scratch
 *     copy), or null for the repo folder itself
 * @param noCache validate every environment again, ignoring results kept from earlier runs
 */
public record GenerateRequest(String repo, Set<String> apps, String ref, boolean commit, boolean push,
    String prBranch, String author, boolean dryRun, boolean skipValidation, Path output, boolean noCache) {

  public GenerateRequest(String repo, Set<String> apps, String ref, boolean commit, boolean push,
      String prBranch, String author, boolean dryRun, boolean skipValidation) {
    this(repo, apps, ref, commit, push, prBranch, author, dryRun, skipValidation, null, false);
  }

  public GenerateRequest {
    repo = repo == null || repo.isBlank() ? "." : repo;
    apps = Set.copyOf(apps);
    ref = ref == null ? "" : ref.strip();
    prBranch = prBranch == null ? "" : prBranch.strip();
    author = author == null ? "" : author;
    commit = commit || push || !prBranch.isEmpty();
  }

  /** Every app of the repo, from the work tree, written in place. */
  public static GenerateRequest all(String repo, boolean dryRun, boolean skipValidation) {
    return new GenerateRequest(repo, Set.of(), "", false, false, "", "", dryRun, skipValidation);
  }

  /** The same generation, written to {@code folder} instead of the repo folder. */
  public GenerateRequest writingTo(Path folder) {
    return new GenerateRequest(repo, apps, ref, commit, push, prBranch, author, dryRun, skipValidation, folder,
        noCache);
  }

  /** The same generation, with the validation cache off when {@code off}. */
  public GenerateRequest withoutCache(boolean off) {
    return new GenerateRequest(repo, apps, ref, commit, push, prBranch, author, dryRun, skipValidation, output, off);
  }

  /** One app's chart (and the umbrella), from the work tree, written in place. */
  public static GenerateRequest app(String repo, String app, boolean dryRun, boolean skipValidation) {
    return new GenerateRequest(repo, Set.of(app), "", false, false, "", "", dryRun, skipValidation);
  }
}
