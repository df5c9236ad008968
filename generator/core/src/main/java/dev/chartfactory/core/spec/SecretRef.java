package dev.chartfactory.core.spec;

/**
 * A value read from a Kubernetes Secret: {@code DB_PASSWORD: {secret: shop-db, key: password}}.
 * Secrets are only ever referenced by name; literal secret values are refused.
 */
public record SecretRef(String secret, String key, Origin origin) {}
