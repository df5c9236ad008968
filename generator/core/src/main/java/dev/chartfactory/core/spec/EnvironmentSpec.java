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
 * ingress: {className: traefik, privateClassName: internal, tls: true, clusterIssuer: letsencrypt-prod}
 *   # or issuer: shop-ca (a namespaced Issuer); acme: {email: ops@example.com} makes the umbrella
 *   # create the ACME ClusterIssuer named by clusterIssuer
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
   * Ingress classes (public, and for private components; null means the same), whether hosts
   * get TLS, and from which cert-manager ClusterIssuer (null: factory.yaml's certManager.issuer).
   *
   * @param issuer a namespaced cert-manager Issuer instead of a ClusterIssuer, or null
   * @param acme ACME settings: the umbrella creates an ACME ClusterIssuer for the environment; or null
   */
  public record IngressSpec(String className, String privateClassName, boolean tls, String clusterIssuer,
      String issuer, AcmeSpec acme) {

    public IngressSpec(String className, String privateClassName, boolean tls, String clusterIssuer) {
      this(className, privateClassName, tls, clusterIssuer, null, null);
    }
  }

  /**
   * {@code ingress.acme: {email, server, solverClassName}}: an ACME ClusterIssuer the umbrella
   * creates for the environment, named by {@code ingress.clusterIssuer} (default {@link #DEFAULT_NAME}).
   *
   * @param server the ACME directory URL (default Let's Encrypt production)
   * @param solverClassName Ingress class of the HTTP-01 solver, or null for the environment's class
   */
  public record AcmeSpec(String email, String server, String solverClassName, Origin origin) {
    public static final String DEFAULT_NAME = "acme";
    public static final String LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";
  }

  /** The Gateway that HTTPRoutes attach to. Null gateway means Ingress is used. */
  public record GatewaySpec(String name, String namespace) {}

  /** ResourceQuota for the environment's namespaces; fields may be null. */
  public record QuotaSpec(String cpu, String memory, String storage) {}

  /** The namespace an application is installed into in this environment. */
  public String namespaceFor(String app) {
    return namespacePrefix != null ? namespacePrefix + app : namespace;
  }
}
