package dev.chartfactory.core.validate;

/**
 * One way a rendered Kubernetes object breaks the schema of its kind and API version.
 *
 * <p>Printed as {@code templates/deployment.yaml: Deployment shop-web:
 * spec.template.spec.containers[0].resources.limits.memory: "lots" is not a valid quantity ...}.
 *
 * @param source the template that rendered the object, from helm's {@code # Source:} comment
 *     (e.g. {@code shop/templates/deployment.yaml}); {@code null} when unknown
 * @param kind the object's {@code kind}, or {@code null} when it has none
 * @param name the object's {@code metadata.name}, or {@code null} when it has none
 * @param path the Kubernetes field in dotted form, e.g.
 *     {@code spec.template.spec.containers[0].name}; empty for the whole object
 * @param message what is wrong, and what was expected
 * @param rejectedValue the offending value as JSON text (strings quoted, e.g. {@code "three"});
 *     {@code null} when the field is missing
 */
public record ManifestViolation(
    String source, String kind, String name, String path, String message, String rejectedValue) {

  /** One line for people: {@code source: Kind name: path: message}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (source != null) {
      out.append(source).append(": ");
    }
    out.append(kind == null ? "?" : kind).append(' ').append(name == null ? "?" : name).append(": ");
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    return out.append(message).toString();
  }
}
