package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.gitops.GitOpsManifests;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.RepoLayout;
import java.util.List;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code gitops}: Argo CD or Flux manifests that deploy the umbrella chart from the repo. */
@Component
public class GitOpsCommands {

  @Command(name = "gitops", group = "Deploy", exitStatusExceptionMapper = "factoryExceptions",
      description = "Print Argo CD Applications, an ApplicationSet, or Flux HelmReleases for the umbrella chart")
  public String gitops(
      @Option(longName = "format", defaultValue = "argocd", description = "argocd | argocd-appset | flux") String format,
      @Option(longName = "repo-url", required = true, description = "Git URL Argo CD or Flux clones") String repoUrl,
      @Option(longName = "revision", defaultValue = "main", description = "branch, tag or commit to follow") String revision,
      @Option(longName = "env", description = "one environment (default: all)") String environment,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo) {
    ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(RepoLayout.of(repo).root()));
    List<String> environments = CliArguments.environments(platform, environment);
    GitOpsManifests manifests = new GitOpsManifests(repoUrl, revision, RepoLayout.UMBRELLA_CHART);
    return switch (format) {
      case "argocd" -> manifests.argoApplications(platform, environments).stripTrailing();
      case "argocd-appset" -> manifests.argoApplicationSet(platform).stripTrailing();
      case "flux" -> manifests.flux(platform, environments).stripTrailing();
      default -> throw new UsageException("--format",
          "'" + format + "' is not a format (expected one of: argocd, argocd-appset, flux)");
    };
  }
}
