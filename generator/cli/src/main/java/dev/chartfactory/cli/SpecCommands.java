package dev.chartfactory.cli;

import dev.chartfactory.core.api.NewAppRequest;
import dev.chartfactory.core.api.NewComponentRequest;
import dev.chartfactory.core.api.SpecFiles;
import dev.chartfactory.core.api.ValidateRequest;
import dev.chartfactory.core.api.ValidateResult;
import dev.chartfactory.core.error.FactoryException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.spec.ComponentType;
import java.util.List;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code validate}, {@code new app} and {@code new component}: working with spec files. */
@Component
public class SpecCommands {

  @Command(name = "validate", group = "Specs", exitStatusExceptionMapper = "factoryExceptions",
      description = "Check every spec, render every chart x environment with helm and check the manifests; report all problems at once")
  public String validate(
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo,
      @Option(longName = "specs-only", description = "check the spec files only; no helm needed") boolean specsOnly,
      @Option(longName = "output", defaultValue = "text", description = "text | json | sarif") String output,
      @Option(longName = "quiet", shortName = 'q', description = "no progress output") boolean quiet,
      @Option(longName = "no-cache", description = "validate every environment again, ignoring results kept from earlier runs") boolean noCache) {
    if (!List.of("text", "json", "sarif").contains(output)) {
      throw new UsageException("--output",
          "'" + output + "' is not an output format (expected text, json or sarif)");
    }
    boolean structured = !output.equals("text");
    try {
      ValidateResult valid = new SpecFiles(Terminal.progress(quiet || structured))
          .validate(new ValidateRequest(repo, specsOnly, noCache));
      if (structured) {
        return output.equals("json") ? ProblemFormats.json(List.of()) : ProblemFormats.sarif(List.of());
      }
      String rendered = !valid.rendered() ? "" : ", " + valid.manifests() + " rendered manifests in "
          + valid.renderedEnvironments() + (valid.renderedEnvironments() == 1 ? " environment" : " environments")
          + (valid.policyWarnings() == 0 ? "" : " (" + valid.policyWarnings() + " policy warnings)");
      return "valid: " + valid.apps() + " apps, " + valid.components() + " components, "
          + valid.environments() + " environments, " + valid.instances() + " instances" + rendered;
    } catch (FactoryException e) {
      if (structured) {
        System.out.println(output.equals("json") ? ProblemFormats.json(e.problems()) : ProblemFormats.sarif(e.problems()));
        System.out.flush();
      }
      throw e;
    }
  }

  @Command(name = {"new", "app"}, group = "Specs", exitStatusExceptionMapper = "factoryExceptions",
      description = "Scaffold apps/NAME/app.yaml with one component, and an instance per environment")
  public String newApp(
      @Argument(index = 0, description = "app name (DNS-1035 label)") String name,
      @Option(longName = "component", defaultValue = "web", description = "first component's name") String component,
      @Option(longName = "type", defaultValue = "webapp", description = "webapp | worker | cron | stateful") String type,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo) {
    return written(new SpecFiles(Terminal.progress(false))
        .newApp(new NewAppRequest(repo, name, component, componentType(type))));
  }

  @Command(name = {"new", "component"}, group = "Specs", exitStatusExceptionMapper = "factoryExceptions",
      description = "Add a component to apps/APP/app.yaml, keeping the rest of the file as written")
  public String newComponent(
      @Argument(index = 0, description = "app name") String app,
      @Argument(index = 1, description = "component name (DNS-1035 label)") String name,
      @Option(longName = "type", defaultValue = "webapp", description = "webapp | worker | cron | stateful") String type,
      @Option(longName = "repo", defaultValue = ".", description = "config repo folder") String repo) {
    return written(new SpecFiles(Terminal.progress(false))
        .newComponent(new NewComponentRequest(repo, app, name, componentType(type))));
  }

  private static ComponentType componentType(String type) {
    try {
      return ComponentType.of(type);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--type", "'" + type
          + "' is not a component type (expected one of: webapp, worker, cron, stateful)");
    }
  }

  private static String written(List<String> files) {
    return files.isEmpty() ? "nothing to write"
        : String.join("\n", files.stream().map(file -> "wrote " + file).toList());
  }
}
