package dev.chartfactory.core.spec;

import java.util.Locale;

/**
 * A port a component listens on: {@code {name: http, port: 8080, protocol: http}}, or with a
 * Service port that differs from the container's: {@code {name: http, port: 80, targetPort: 8080}}.
 *
 * @param name the port's name (DNS-1123 label, at most 15 characters as Kubernetes requires)
 * @param port 1-65535: the Service port, and the container port unless {@code targetPort} is set
 * @param targetPort the container port when it differs from {@code port}, else null
 * @param protocol http, grpc, tcp or udp; http and grpc are routed by host, tcp and udp by port
 */
public record PortSpec(String name, int port, Integer targetPort, Protocol protocol, Origin origin) {

  /** The port the container listens on. */
  public int containerPort() {
    return targetPort != null ? targetPort : port;
  }

  /** Application protocol on the port. */
  public enum Protocol {
    HTTP,
    GRPC,
    TCP,
    UDP;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The Kubernetes transport protocol. */
    public String transport() {
      return this == UDP ? "UDP" : "TCP";
    }

    public boolean routedByHost() {
      return this == HTTP || this == GRPC;
    }
  }
}
