package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.api.Delivery;
import dev.chartfactory.core.api.GitOpsFormat;
import dev.chartfactory.core.api.GitOpsRequest;
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
    return new Delivery(PipelineListener.SILENT)
        .gitOps(new GitOpsRequest(repo, GitOpsFormat.of(format), repoUrl, revision, environment)).stripTrailing();
  }
}
