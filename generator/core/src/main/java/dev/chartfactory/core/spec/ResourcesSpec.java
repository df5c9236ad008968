package dev.chartfactory.core.spec;

/**
 * CPU and memory the container asks for and may use, as Kubernetes quantities.
 *
 * <pre>{@code
 * resources:
 *   requests: {cpu: 250m, memory: 256Mi}
 *   limits: {memory: 512Mi}
 * }</pre>
 */
public record ResourcesSpec(Quantities requests, Quantities limits) {

  public static final ResourcesSpec NONE = new ResourcesSpec(Quantities.NONE, Quantities.NONE);

  /** Field-by-field: what {@code other} sets wins. */
  public ResourcesSpec overriddenBy(ResourcesSpec other) {
    if (other == null) {
      return this;
    }
    return new ResourcesSpec(requests.overriddenBy(other.requests), limits.overriddenBy(other.limits));
  }

  /** cpu and memory; either may be null. */
  public record Quantities(String cpu, String memory) {
    public static final Quantities NONE = new Quantities(null, null);

    public Quantities overriddenBy(Quantities other) {
      if (other == null) {
        return this;
      }
      return new Quantities(
          other.cpu != null ? other.cpu : cpu, other.memory != null ? other.memory : memory);
    }
  }
}
