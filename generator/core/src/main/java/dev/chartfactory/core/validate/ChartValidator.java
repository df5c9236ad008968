package dev.chartfactory.core.validate;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.ValidationException;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedComponent;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.EnvironmentSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks rendered charts before anything is written: {@code helm lint --strict} and
 * {@code helm template} of the umbrella with every environment's values, then every rendered
 * object against the Kubernetes schema of its kind. Each problem points back to the spec of the
 * component that produced it.
 */
public final class ChartValidator {

  /** {@code # Source: platform/charts/shop/templates/web-deployment.yaml}. */
  private static final Pattern SUBCHART_SOURCE = Pattern.compile("[^/]+/charts/([^/]+)/templates/(.+)");

  private final HelmCli helm;
  private final ManifestSchemaValidator schemas;
  private final PolicyChecker policy = new PolicyChecker();
  private final PipelineListener listener;

  public ChartValidator(HelmCli helm, ManifestSchemaValidator schemas, PipelineListener listener) {
    this.helm = helm;
    this.schemas = schemas;
    this.listener = listener;
  }

  /** What passed: how many objects, and the policy warnings that do not stop generation. */
  public record Report(int manifests, int environments, List<PolicyFinding> warnings) {
    public Report {
      warnings = List.copyOf(warnings);
    }
  }

  /** Validates, or throws {@link ValidationException} listing every error found. */
  public Report validate(ResolvedPlatform platform, List<RenderedChart> charts) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("factory-validate-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      ChartWorkspace workspace = ChartWorkspace.of(scratch, charts);
      List<Problem> problems = new ArrayList<>();
      String namespace = platform.factory().umbrella().namespace();
      int manifests = 0;
      List<PolicyFinding> warnings = new ArrayList<>();
      for (EnvironmentSpec environment : platform.repo().environments().values()) {
        String valuesFile = "values-" + environment.name() + ".yaml";
        List<Path> values = List.of(workspace.umbrella().resolve(valuesFile));
        try {
          helm.lint(workspace.umbrella(), values, true);
          String rendered = helm.template(workspace.umbrella(), platform.factory().umbrella().name(),
              namespace, values, Map.of());
          manifests += (int) rendered.lines().filter(line -> line.startsWith("kind:")).count();
          List<RenderedObjects.Document> documents = RenderedObjects.documents(rendered);
          for (ManifestViolation violation : schemas.validate(documents)) {
            problems.add(locate(platform, environment, violation));
          }
          for (PolicyFinding finding : policy.check(platform, environment, RenderedObjects.objects(documents))) {
            if (finding.severity() == PolicyFinding.Severity.ERROR) {
              problems.add(locate(platform, finding));
            } else {
              warnings.add(finding);
            }
          }
        } catch (HelmException e) {
          problems.add(Problem.at(SourceLocation.ofFile("umbrella-chart/" + valuesFile), "",
              "helm rejected the rendered charts: " + e.getMessage().replace('\n', ' ')));
        }
      }
      if (!problems.isEmpty()) {
        throw new ValidationException(problems);
      }
      int environments = platform.repo().environments().size();
      listener.progress("validate", manifests + " manifests in " + environments
          + (environments == 1 ? " environment pass" : " environments pass") + " helm lint --strict, their Kubernetes schemas and the policy rules");
      for (PolicyFinding warning : warnings) {
        listener.progress("policy", "warning [" + warning.rule() + "] " + warning.object() + " in environment "
            + warning.environment() + ": " + warning.message());
      }
      return new Report(manifests, platform.repo().environments().size(), warnings);
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static Problem locate(ResolvedPlatform platform, PolicyFinding finding) {
    String what = "[" + finding.rule() + "] " + finding.object() + " in environment " + finding.environment()
        + (finding.field().isEmpty() ? "" : ": " + finding.field()) + ": " + finding.message();
    ResolvedApp app = finding.app() == null ? null : platform.baseApps().get(finding.app());
    if (app == null) {
      return Problem.at(SourceLocation.ofFile("environments/" + finding.environment() + ".yaml"), "", what);
    }
    ResolvedComponent component = finding.component() == null ? null : app.components().get(finding.component());
    String hint = "if it cannot apply, waive it in " + app.origin().file() + " with policy.waive."
        + finding.rule() + ": <reason>";
    if (component == null) {
      return new Problem(app.origin().location(), "", what, hint);
    }
    String field = specField(finding.field());
    return new Problem(field == null ? component.origin().location() : component.origin().of(field),
        field == null ? component.origin().path() : component.origin().pathOf(field), what, hint);
  }

  /**
   * The component spec field that a Kubernetes field of its workload came from, so the error
   * points at the line to change: {@code spec.template.spec.containers[0].resources.limits} →
   * {@code resources}. Null when no single spec field produced it.
   */
  static String specField(String kubernetesField) {
    if (kubernetesField == null) {
      return null;
    }
    String field = kubernetesField.replaceAll("\\[\\d+]", "");
    String[][] mapping = {
        {".containers.resources", "resources"}, {".containers.livenessProbe", "probes"},
        {".containers.readinessProbe", "probes"}, {".containers.startupProbe", "probes"},
        {".containers.image", "image"}, {".containers.env", "env"}, {".containers.ports", "ports"},
        {".containers.command", "command"}, {".containers.args", "args"},
        {".containers.volumeMounts", "volumes"}, {".volumes", "volumes"}, {"spec.replicas", "replicas"},
        {"spec.schedule", "schedule"}, {"spec.concurrencyPolicy", "concurrencyPolicy"},
        {"spec.rules", "host"}, {"spec.tls", "host"}, {"spec.hostnames", "host"}};
    for (String[] entry : mapping) {
      if (field.contains(entry[0]) || field.startsWith(entry[0])) {
        return entry[1];
      }
    }
    return null;
  }

  /** The spec line of the component that rendered the object, plus chart path and field. */
  private static Problem locate(ResolvedPlatform platform, EnvironmentSpec environment, ManifestViolation violation) {
    String source = violation.source() == null ? "" : violation.source();
    String what = violation.kind() + " " + violation.name() + " (" + source + ") in environment "
        + environment.name() + ": " + violation.path() + ": " + violation.message();
    Matcher matcher = SUBCHART_SOURCE.matcher(source);
    if (matcher.matches()) {
      ResolvedApp app = platform.baseApps().get(matcher.group(1));
      if (app != null) {
        String template = matcher.group(2);
        for (ResolvedComponent component : app.components().values()) {
          if (template.startsWith(component.name() + "-")) {
            String field = specField(violation.path());
            return field == null
                ? Problem.at(component.origin().location(), component.origin().path(), what)
                : Problem.at(component.origin().of(field), component.origin().pathOf(field), what);
          }
        }
        return Problem.at(app.origin().location(), "", what);
      }
    }
    return Problem.at(SourceLocation.ofFile("umbrella-chart/" + source.replaceFirst("^[^/]+/", "")), "", what);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // A leftover scratch folder in the temp dir is harmless.
    }
  }
}
