package dev.chartfactory.core.resolve;

import dev.chartfactory.core.spec.ContainerSpec;
import dev.chartfactory.core.spec.ResourcesSpec;
import java.util.Map;

/**
 * An init container or sidecar with its image qualified as a component's is: the registry
 * prepended unless the name carries one, the component's tag unless it names its own; and its
 * resources filled from factory.yaml's {@code defaults.resources} where it writes none.
 */
public record ResolvedContainer(ContainerSpec spec, ImageRef image, String pullPolicy, ResourcesSpec resources) {

  /** The same container with other env values ({@code ${ref:…}} resolved). */
  ResolvedContainer withEnv(Map<String, String> env) {
    return new ResolvedContainer(spec.withEnv(env), image, pullPolicy, resources);
  }
}
