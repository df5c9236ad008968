package dev.chartfactory.core.spec;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pod and container settings a component may write beside the secure defaults of every chart:
 *
 * <pre>{@code
 * securityContext:
 *   readOnlyRootFilesystem: true
 *   runAsUser: 10001                 # also runAsGroup, fsGroup (>= 1: pods never run as root)
 *   seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}
 *   addCapabilities: [NET_BIND_SERVICE]   # others need policy.waive.capabilities
 * terminationGracePeriodSeconds: 5
 * podAnnotations: {sidecar.istio.io/inject: "false"}
 * podLabels: {team: shop}
 * preStop: {exec: {command: [sleep, "5"]}}    # or {http: {path: /drain, port: http}}
 * }</pre>
 *
 * Every field may be null (or empty): then the chart's default applies.
 */
public record PodSettingsSpec(
    SecurityContext securityContext,
    Integer terminationGracePeriodSeconds,
    SortedMap<String, String> podAnnotations,
    SortedMap<String, String> podLabels,
    Hook preStop) {

  public static final PodSettingsSpec NONE = new PodSettingsSpec(null, null, new TreeMap<>(), new TreeMap<>(), null);

  public PodSettingsSpec {
    podAnnotations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(podAnnotations));
    podLabels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(podLabels));
  }

  /** Whether the pod template needs more than the chart-wide defaults. */
  public boolean changesPodSpec() {
    return securityContext != null || terminationGracePeriodSeconds != null || preStop != null;
  }

  /** The written part of {@code securityContext}; null fields keep the chart's defaults. */
  public record SecurityContext(
      Boolean readOnlyRootFilesystem,
      Integer runAsUser,
      Integer runAsGroup,
      Integer fsGroup,
      String seccompProfile,
      String seccompLocalhostProfile,
      List<String> addCapabilities,
      Origin origin) {

    public SecurityContext {
      addCapabilities = List.copyOf(addCapabilities);
    }
  }

  /** A lifecycle handler: a command, or an HTTP GET of {@code path} on the named {@code port}. */
  public record Hook(List<String> command, String path, String port, Origin origin) {

    public Hook {
      command = List.copyOf(command);
    }
  }
}
