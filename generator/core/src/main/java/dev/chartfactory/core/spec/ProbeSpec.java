package dev.chartfactory.core.spec;

import java.util.List;
import java.util.Locale;

/**
 * A health check, one of four kinds:
 *
 * <pre>{@code
 * liveness:  {http: {path: /health, port: http}}
 * readiness: {grpc: {port: grpc}, periodSeconds: 5}
 * startup:   {tcp: {port: db}, failureThreshold: 30}
 * liveness:  {exec: {command: [pg_isready]}}
 * }</pre>
 *
 * @param port the named port to probe (defaults to the component's first port)
 * @param headers HTTP headers of an http probe ({@code http: {path: /, headers: {Cookie: x}}})
 */
public record ProbeSpec(
    Kind kind,
    String path,
    String port,
    List<String> command,
    Integer initialDelaySeconds,
    Integer periodSeconds,
    Integer timeoutSeconds,
    Integer failureThreshold,
    java.util.SortedMap<String, String> headers,
    Origin origin) {

  public ProbeSpec {
    command = List.copyOf(command);
    headers = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(headers));
  }

  /** How the kubelet checks. */
  public enum Kind {
    HTTP,
    GRPC,
    TCP,
    EXEC;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Liveness, readiness and startup checks; each may be null. */
  public record Probes(ProbeSpec liveness, ProbeSpec readiness, ProbeSpec startup) {
    public static final Probes NONE = new Probes(null, null, null);

    public Probes overriddenBy(Probes other) {
      if (other == null) {
        return this;
      }
      return new Probes(
          other.liveness != null ? other.liveness : liveness,
          other.readiness != null ? other.readiness : readiness,
          other.startup != null ? other.startup : startup);
    }
  }
}
