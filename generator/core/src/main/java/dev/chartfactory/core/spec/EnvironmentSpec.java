package dev.chartfactory.core.spec;

/**
 * {@code environments/<name>.yaml}: one place the applications run.
 *
 * <pre>{@code
 * name: dev
 * dev: true                       # allows 'latest' tags and relaxes policy
 * namespace: platform             # every app in one namespace...
 * namespacePrefix: ws-dev-        # ...or one namespace per app, prefixed
 * domain: dev.local.test
 * ingress: {className: traefik, privateClassName: internal, tls: true}
 * gateway: {name: main, namespace: gateway-system}   # HTTPRoute instead of Ingress
 * quota: {cpu: "8", memory: 16Gi, storage: 100Gi}
 * }</pre>
 */
public record EnvironmentSpec(
    String name,
    boolean dev,
    String namespace,
    String namespacePrefix,
    String domain,
    IngressSpec ingress,
    GatewaySpec gateway,
    QuotaSpec quota,
    Origin origin) {

  /**
   * Ingress classes (public, and for private components; null means the same) and whether
   * hosts get TLS from the cluster issuer.
   */
  public record IngressSpec(String className, String privateClassName, boolean tls) {}

  /** The Gateway that HTTPRoutes attach to. Null gateway means Ingress is used. */
  public record GatewaySpec(String name, String namespace) {}

  /** ResourceQuota for the environment's namespaces; fields may be null. */
  public record QuotaSpec(String cpu, String memory, String storage) {}

  /** The namespace an application is installed into in this environment. */
  public String namespaceFor(String app) {
    return namespacePrefix != null ? namespacePrefix + app : namespace;
  }
}
