package dev.chartfactory.core.api;

import java.time.Duration;

/**
 * What {@link Releases#deploy} should do: generate the charts (unless {@code skipGenerate}), then
 * {@code helm upgrade --install} the umbrella release with {@code values-<env>.yaml}.
 *
 * @param target the release and cluster; its environment is required here
 * @param dryRun render with {@code helm template} into a scratch folder and count the objects per
 *     kind; the cluster is not contacted and nothing is logged or written in the repo
 * @param skipGenerate deploy the charts as they are on disk
 * @param timeout helm's {@code --timeout}
 * @param waitUntilReady wait for the objects to become ready
 */
public record DeployRequest(ReleaseTarget target, boolean dryRun, boolean skipGenerate, Duration timeout,
    boolean waitUntilReady) {}
