package dev.chartfactory.core.validate;

/**
 * One policy rule broken by a rendered object.
 *
 * @param rule the rule's id, which an app may waive with a reason ({@code policy.waive})
 * @param app the app that rendered the object, or null for umbrella objects
 * @param component the component, or null
 * @param object {@code Kind namespace/name}
 * @param field the Kubernetes field concerned, e.g. {@code spec.template.spec.containers[0].resources}
 */
public record PolicyFinding(String rule, Severity severity, String environment, String app,
    String component, String object, String field, String message) {

  /** Errors stop generation; warnings are reported. */
  public enum Severity {
    ERROR,
    WARNING
  }
}
