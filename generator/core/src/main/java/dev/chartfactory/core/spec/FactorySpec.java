package dev.chartfactory.core.spec;

/**
 * {@code factory.yaml}: settings that hold for the whole config repo.
 *
 * <pre>{@code
 * registry: localhost:5000
 * umbrella: {name: platform, namespace: platform, version: 0.1.0}
 * certManager: {enabled: true, issuer: factory-self-ca}
 * imagePullSecrets: [regcred]
 * defaults:
 *   replicas: 1
 *   resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
 * }</pre>
 *
 * @param registry image registry prepended to unqualified image names; empty for none
 * @param umbrella the umbrella chart's name, namespace and version
 * @param certManager whether the umbrella installs the self-signed issuer chain, and its name
 * @param imagePullSecrets names of existing Secrets used to pull images
 * @param defaults values every component starts from, before its app and instance
 */
public record FactorySpec(
    String registry,
    UmbrellaSpec umbrella,
    CertManagerSpec certManager,
    java.util.List<String> imagePullSecrets,
    OverrideSpec defaults,
    Origin origin) {

  public FactorySpec {
    imagePullSecrets = java.util.List.copyOf(imagePullSecrets);
  }

  /** The umbrella chart: {@code umbrella: {name: platform, namespace: platform}}. */
  public record UmbrellaSpec(String name, String namespace, String version) {}

  /** {@code certManager: {enabled: true, issuer: factory-self-ca}}. */
  public record CertManagerSpec(boolean enabled, String issuer) {}
}
