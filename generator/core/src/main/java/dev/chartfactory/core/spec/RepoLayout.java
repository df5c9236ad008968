package dev.chartfactory.core.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that knows where things are in a config repo. Paths are relative to the repo
 * root and use {@code /}; {@link #root()} is the absolute, normalised root folder.
 *
 * <pre>
 * factory.yaml                         platform settings and defaults
 * environments/&lt;env&gt;.yaml              one file per environment
 * apps|services/&lt;app&gt;/app.yaml         one folder per app
 * apps|services/&lt;app&gt;/instances/&lt;env&gt;.yaml  per-environment overrides
 * templates/&lt;type&gt;/*.j2                overrides of the built-in blueprints
 * charts/&lt;app&gt;/                       generated app charts
 * umbrella-chart/                      generated umbrella chart (values-&lt;env&gt;.yaml per env)
 * .factory/                            Chart Factory's own state (operation log)
 * </pre>
 *
 * @param root the config repo folder, absolute and normalised
 */
public record RepoLayout(Path root) {

  public static final String FACTORY_FILE = "factory.yaml";
  public static final String ENVIRONMENTS = "environments";
  /** Apps may live in either folder; both are read the same way. */
  public static final List<String> APP_FOLDERS = List.of("apps", "services");
  public static final String INSTANCES = "instances";
  public static final String TEMPLATES = "templates";
  /** Folders that hold specs; nothing else in the repo is read as input. */
  public static final Set<String> SPEC_FOLDERS = Set.of(ENVIRONMENTS, "apps", "services", TEMPLATES);
  public static final String CHARTS = "charts";
  public static final String UMBRELLA_CHART = "umbrella-chart";
  /** The folders generated charts are written to, and the only ones a generated commit holds. */
  public static final List<String> OUTPUT_FOLDERS = List.of(CHARTS, UMBRELLA_CHART);
  public static final String STATE_FOLDER = ".factory";
  public static final String OPERATION_LOG = STATE_FOLDER + "/operations.jsonl";
  /** Folders and files inside a chart that helm writes ({@code dependency build}), never we. */
  public static final Set<String> HELM_OWNED = Set.of("charts", "Chart.lock", "tmpcharts");

  public static final Pattern ENVIRONMENT_FILE = Pattern.compile(ENVIRONMENTS + "/([^/]+)\\.ya?ml");
  /** Any file in an app's folder; group 1 is the app. */
  public static final Pattern APP_FOLDER_FILE = Pattern.compile("(?:apps|services)/([^/]+)/.*");
  public static final Pattern APP_FILE = Pattern.compile("(?:apps|services)/([^/]+)/app\\.ya?ml");
  public static final Pattern INSTANCE_FILE =
      Pattern.compile("(?:apps|services)/([^/]+)/" + INSTANCES + "/([^/]+)\\.ya?ml");

  public RepoLayout {
    root = root.toAbsolutePath().normalize();
  }

  /** The layout of the repo a {@code --repo} option names (a folder; {@code .} by default). */
  public static RepoLayout of(String repoOption) {
    return new RepoLayout(Path.of(repoOption == null || repoOption.isBlank() ? "." : repoOption));
  }

  /** {@code charts/<app>}, where an app's chart is written. */
  public static String chartFolder(String app) {
    return CHARTS + "/" + app;
  }

  /** {@code umbrella-chart/values-<env>.yaml}. */
  public static String umbrellaValues(String environment) {
    return UMBRELLA_CHART + "/values-" + environment + ".yaml";
  }

  /**
   * Whether a folder (relative, {@code /}-separated) can hold specs: a spec folder, and below
   * {@code apps/<app>/} only {@code instances/} (not {@code src/}, {@code target/}...).
   */
  public static boolean holdsSpecs(String folder) {
    String[] parts = folder.split("/");
    if (!SPEC_FOLDERS.contains(parts[0])) {
      return false;
    }
    return !(APP_FOLDERS.contains(parts[0]) && parts.length >= 3 && !parts[2].equals(INSTANCES));
  }

  public Path umbrellaChart() {
    return root.resolve(UMBRELLA_CHART);
  }

  public Path charts() {
    return root.resolve(CHARTS);
  }

  public Path operationLog() {
    return root.resolve(OPERATION_LOG);
  }
}
