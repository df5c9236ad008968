package dev.chartfactory.core.api;

import java.time.Duration;

/**
 * What {@link Releases#rollback} should do: {@code helm rollback} of the umbrella release to an
 * existing revision.
 *
 * @param revision the revision to go back to (see {@link Releases#history})
 */
public record RollbackRequest(ReleaseTarget target, int revision, Duration timeout, boolean waitUntilReady) {}
