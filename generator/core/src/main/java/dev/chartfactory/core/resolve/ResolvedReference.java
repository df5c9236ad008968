package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.PortSpec;

/**
 * One {@code ${ref:…}} as it links two components in one environment: what the tenant
 * NetworkPolicies must let through, from the caller's pods to the callee's port.
 *
 * @param environment the environment's name, or null for the charts' own values (no environment)
 * @param fromApp the caller's app
 * @param fromComponent the caller's component
 * @param fromNamespace the caller's namespace in the environment (null for the base)
 * @param toApp the callee's app
 * @param toComponent the callee's component
 * @param toNamespace the callee's namespace in the environment (null for the base)
 * @param service the callee's Service name
 * @param port the callee's port (its container port is what a NetworkPolicy admits)
 * @param active caller and callee are both deployed and enabled in the environment
 * @param variable the caller's env variable that holds the reference
 * @param written the variable's value as written, references unresolved
 */
public record ResolvedReference(
    String environment,
    String fromApp,
    String fromComponent,
    String fromNamespace,
    String toApp,
    String toComponent,
    String toNamespace,
    String service,
    PortSpec port,
    boolean active,
    String variable,
    String written) {

  /** Whether caller and callee run in different namespaces, so a policy must admit the call. */
  public boolean crossesNamespaces() {
    return fromNamespace != null && toNamespace != null && !fromNamespace.equals(toNamespace);
  }
}
