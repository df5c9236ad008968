package dev.chartfactory.core.api;

/**
 * Who made a revision of the release, when and from which commit: the operation log's entry for
 * it ({@code .factory/operations.jsonl}).
 *
 * @param environment null for operations that are not per environment
 * @param commit the config repo's commit; null outside a Git work tree
 */
public record ReleaseOperation(String operation, String environment, String who, String when, String commit) {}
