package dev.chartfactory.dashboard.cluster;

import java.time.Instant;

/**
 * A pod as the informer cache holds it now.
 *
 * @param namespace namespace
 * @param name name
 * @param uid UID
 * @param status derived status (see {@link StatusRules#podStatus})
 * @param node node name, or null while unscheduled
 * @param createdAt creation timestamp, or null
 */
public record PodView(
    String namespace, String name, String uid, String status, String node, Instant createdAt) {}
