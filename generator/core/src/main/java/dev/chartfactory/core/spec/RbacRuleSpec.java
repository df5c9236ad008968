package dev.chartfactory.core.spec;

import java.util.List;

/**
 * One permission of the application's ServiceAccount, as in a Kubernetes Role.
 *
 * <pre>{@code
 * rbac:
 *   clusterWide: false          # Role + RoleBinding (true: ClusterRole + ClusterRoleBinding)
 *   rules:
 *     - {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}
 *     - {apiGroups: [apps], resources: [deployments, statefulsets], verbs: [get, list, watch]}
 * }</pre>
 */
public record RbacRuleSpec(
    List<String> apiGroups, List<String> resources, List<String> verbs, Origin origin) {

  public RbacRuleSpec {
    apiGroups = List.copyOf(apiGroups);
    resources = List.copyOf(resources);
    verbs = List.copyOf(verbs);
  }

  /** The app's RBAC: whether rules apply cluster-wide and the rules themselves. */
  public record Rbac(boolean clusterWide, List<RbacRuleSpec> rules) {
    public static final Rbac NONE = new Rbac(false, List.of());

    public Rbac {
      rules = List.copyOf(rules);
    }
  }
}
