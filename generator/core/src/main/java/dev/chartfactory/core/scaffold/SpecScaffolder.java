package dev.chartfactory.core.scaffold;

import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.spec.ComponentType;
import dev.chartfactory.core.spec.ConfigRepo;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Writes the text of new, valid spec files: {@code factory new app NAME} and
 * {@code factory new component APP NAME}. Returns file contents; the caller checks the
 * repo with them and writes them only when it is still valid.
 */
public final class SpecScaffolder {

  private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

  /** The files of a new app with one component, and an instance for each environment. */
  public Map<String, String> newApp(ConfigRepo repo, String app, String componentName,
      ComponentType type) {
    requireName("app", app);
    requireName("component", componentName);
    if (repo.apps().containsKey(app)) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile("apps/" + app + "/app.yaml"), "",
          "app '" + app + "' already exists (expected a new name)"));
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("apps/" + app + "/app.yaml",
        "name: " + app + "\n"
            + "description: " + app + " (scaffolded by factory new app; edit me)\n"
            + "version: 0.1.0\n"
            + "components:\n"
            + component(componentName, type, app + "-" + componentName, "  "));
    for (String environment : repo.environments().keySet()) {
      files.put("apps/" + app + "/instances/" + environment + ".yaml",
          "version: 0.1.0\n");
    }
    return files;
  }

  /**
   * The new text of {@code apps/<app>/app.yaml} with a component added at the end of its
   * {@code components} map, keeping the rest of the file (comments too) as it was.
   */
  public Map<String, String> newComponent(ConfigRepo repo, String appYamlText, String app,
      String componentName, ComponentType type) {
    requireName("component", componentName);
    String file = "apps/" + app + "/app.yaml";
    if (!repo.apps().containsKey(app)) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(file), "",
          "app '" + app + "' does not exist (expected one of: "
              + String.join(", ", repo.apps().keySet()) + ")"));
    }
    if (repo.apps().get(app).components().containsKey(componentName)) {
      throw SpecException.of(Problem.at(SourceLocation.ofFile(file), "components." + componentName,
          "already exists (expected a new component name)"));
    }
    MappingNode root = (MappingNode) new Yaml(new LoaderOptions()).compose(new StringReader(appYamlText));
    for (NodeTuple tuple : root.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("components")) {
        Node components = tuple.getValueNode();
        if (!(components instanceof MappingNode map) || map.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW
            || map.getValue().isEmpty()) {
          throw SpecException.of(Problem.at(new SourceLocation(file, components.getStartMark().getLine() + 1,
              components.getStartMark().getColumn() + 1), "components",
              "is written inline; add the component by hand (expected a block-style map)"));
        }
        int indent = map.getValue().get(0).getKeyNode().getStartMark().getColumn();
        int end = endOfBlock(appYamlText, map.getEndMark().getIndex());
        String insert = component(componentName, type, app + "-" + componentName, " ".repeat(indent));
        String before = appYamlText.substring(0, end);
        if (!before.endsWith("\n")) {
          before += "\n";
        }
        return Map.of(file, before + insert + appYamlText.substring(end));
      }
    }
    throw SpecException.of(Problem.at(SourceLocation.ofFile(file), "components", "not found"));
  }

  /** The start of the line after the block's last content line. */
  private static int endOfBlock(String text, int endIndex) {
    int position = Math.min(endIndex, text.length());
    // SnakeYAML's end mark of a block map points past trailing blank lines and comments at the
    // same level; step back to the end of the last line with content.
    while (position > 0 && Character.isWhitespace(text.charAt(position - 1))) {
      position--;
    }
    int newline = text.indexOf('\n', position);
    return newline < 0 ? text.length() : newline + 1;
  }

  private static String component(String name, ComponentType type, String image, String indent) {
    String i2 = indent + "  ";
    StringBuilder text = new StringBuilder();
    text.append(indent).append(name).append(":\n");
    text.append(i2).append("type: ").append(type.id()).append('\n');
    text.append(i2).append("image: ").append(image).append('\n');
    text.append(i2).append("resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\n");
    switch (type) {
      case WEBAPP -> {
        text.append(i2).append("port: 8080\n");
        text.append(i2).append("visibility: cluster\n");
        text.append(i2).append("probes:\n");
        text.append(i2).append("  liveness: {http: {path: /health}}\n");
        text.append(i2).append("  readiness: {http: {path: /ready}}\n");
      }
      case WORKER -> text.append(i2).append("replicas: 1\n");
      case CRON -> text.append(i2).append("schedule: \"0 3 * * *\"\n");
      case STATEFUL -> {
        text.append(i2).append("ports: [{name: tcp, port: 5432, protocol: tcp}]\n");
        text.append(i2).append("volumes:\n");
        text.append(i2).append("  - {name: data, mountPath: /data, size: 1Gi}\n");
      }
    }
    return text.toString();
  }

  private static void requireName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UsageException(what,
          "'" + name + "' is not a valid " + what + " name (expected a DNS-1035 label: lower-case"
              + " letters, digits and '-', starting with a letter, at most 63 characters)");
    }
  }
}
