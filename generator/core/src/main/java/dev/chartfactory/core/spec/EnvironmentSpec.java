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
 * cluster:                        # where this environment runs (default: the current/in-cluster one)
 *   name: prod-eu                 # Argo CD destination.name, and the kube context by default
 *   server: https://10.0.0.1:6443 # Argo CD destination.server (instead of name)
 *   kubeContext: prod-eu-admin    # deploy/status/history/rollback/uninstall --env use it
 *   kubeconfig: ~/.kube/prod.yaml # ...with this kubeconfig file
 *   fluxKubeConfigSecret: prod-kubeconfig   # Flux HelmRelease spec.kubeConfig.secretRef
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
    ClusterSpec cluster,
    Origin origin) {

  public EnvironmentSpec {
    cluster = cluster == null ? ClusterSpec.CURRENT : cluster;
  }

  /**
   * The cluster an environment runs in. Every field may be null; {@link #CURRENT} (all null)
   * is the kube context in use, or for Argo CD the cluster it runs in.
   */
  public record ClusterSpec(String name, String server, String kubeContext, String kubeconfig,
      String fluxKubeConfigSecret) {

    public static final ClusterSpec CURRENT = new ClusterSpec(null, null, null, null, null);

    /** The kube context to use: {@code kubeContext}, else the cluster's name, else the current one (null). */
    public String contextOrNull() {
      return kubeContext != null ? kubeContext : name;
    }

    /** How Argo CD addresses it: {@code server: URL}, {@code name: NAME}, or the in-cluster server. */
    public String argoDestination() {
      return server != null ? "server " + server : name != null ? "name " + name : "server " + IN_CLUSTER;
    }

    /** Argo CD's address of the cluster it runs in. */
    public static final String IN_CLUSTER = "https://kubernetes.default.svc";
  }

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
