package dev.chartfactory.dashboard.cluster;

import java.time.Instant;

/**
 * A deployment as the informer cache holds it now, with what the generator stamped on it.
 *
 * @param namespace namespace
 * @param name name
 * @param replicas desired replicas
 * @param ready ready replicas
 * @param available available replicas
 * @param createdAt creation timestamp, or null
 * @param chart value of the {@code helm.sh/chart} label (e.g. {@code shop-0.1.0}), or null
 * @param appVersion value of {@code app.kubernetes.io/version}, or null
 * @param sourceCommit value of {@code chartfactory.dev/source-commit}, or null
 */
public record DeploymentView(
    String namespace,
    String name,
    int replicas,
    int ready,
    int available,
    Instant createdAt,
    String chart,
    String appVersion,
    String sourceCommit) {}
