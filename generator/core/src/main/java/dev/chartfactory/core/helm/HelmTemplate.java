package dev.chartfactory.core.helm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code helm template}: renders a chart offline, e.g.
 * {@code HelmTemplate.of(umbrella, "platform", "platform").values(List.of(valuesDev)).run(helm)}.
 *
 * @param namespace always passed, so the namespace of the user's kube context never leaks in
 * @param setValues passed as {@code --set key=value} in key order
 * @param validateSchemas false for {@code --skip-schema-validation}, for callers that check the
 *     values against the charts' {@code values.schema.json} themselves
 */
public record HelmTemplate(Path chart, String release, String namespace, List<Path> valuesFiles,
    Map<String, String> setValues, boolean validateSchemas) {

  public HelmTemplate {
    valuesFiles = List.copyOf(valuesFiles);
    setValues = Map.copyOf(setValues);
  }

  public static HelmTemplate of(Path chart, String release, String namespace) {
    return new HelmTemplate(chart, release, namespace, List.of(), Map.of(), true);
  }

  public HelmTemplate values(List<Path> files) {
    return new HelmTemplate(chart, release, namespace, files, setValues, validateSchemas);
  }

  public HelmTemplate set(Map<String, String> values) {
    return new HelmTemplate(chart, release, namespace, valuesFiles, values, validateSchemas);
  }

  public HelmTemplate skipSchemaValidation() {
    return new HelmTemplate(chart, release, namespace, valuesFiles, setValues, false);
  }

  /** The manifests as YAML text. */
  public String run(HelmCli helm) {
    return helm.template(chart, release, namespace, valuesFiles, setValues, validateSchemas);
  }
}
