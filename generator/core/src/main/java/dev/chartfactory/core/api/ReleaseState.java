package dev.chartfactory.core.api;

/**
 * The umbrella release now, as {@code helm status} reports it, with the operation that made its
 * current revision.
 *
 * @param status Helm's state: {@code deployed}, {@code failed}, {@code pending-upgrade}, …
 * @param operation the operation log's entry for {@code revision}; null when the log has none
 */
public record ReleaseState(String release, String namespace, int revision, String status, String description,
    ReleaseOperation operation) {}
