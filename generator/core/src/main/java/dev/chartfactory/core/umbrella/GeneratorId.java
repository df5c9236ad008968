package dev.chartfactory.core.umbrella;

import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.render.BlueprintEngine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which generator made a set of charts: its version plus a digest of the built-in blueprints and
 * umbrella templates, e.g. {@code 0.1.0+3f2a9c81d04e}. The umbrella's Chart.yaml records it, so
 * {@code check --base} knows when charts it did not render could still come out differently.
 */
public final class GeneratorId {

  public static final String ANNOTATION = "chartfactory.dev/generator";

  private static final String CURRENT = compute();

  private GeneratorId() {}

  public static String current() {
    return CURRENT;
  }

  /** The generator an umbrella Chart.yaml records, or "" when it records none. */
  public static String recordedIn(String chartYaml) {
    // Read as YAML (through the Chart.yaml model), not by a pattern: a quoted value stays a value.
    Object annotations;
    try {
      annotations = UmbrellaChartYaml.parse(chartYaml).fields().get("annotations");
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      return ""; // not a Chart.yaml the generator wrote: it records no generator
    }
    Object recorded = annotations instanceof java.util.Map<?, ?> map ? map.get(ANNOTATION) : null;
    return recorded == null ? "" : String.valueOf(recorded);
  }

  private static String compute() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String resource : BlueprintEngine.builtInResources()) {
        add(digest, resource);
      }
      for (String resource : UmbrellaRenderer.templateResources()) {
        add(digest, resource);
      }
      String version = BlueprintEngine.readResource("/dev/chartfactory/core/version.txt").strip();
      return (version.isEmpty() || version.startsWith("$") ? "dev" : version) + "+"
          + HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new InternalException("cannot compute the generator id", e);
    }
  }

  private static void add(MessageDigest digest, String resource) {
    byte[] name = resource.getBytes(StandardCharsets.UTF_8);
    byte[] content = BlueprintEngine.readResource(resource).getBytes(StandardCharsets.UTF_8);
    // Length-prefixed, so no two different file sets hash the same bytes.
    digest.update((name.length + ":" + content.length + ":").getBytes(StandardCharsets.UTF_8));
    digest.update(name);
    digest.update(content);
  }
}
