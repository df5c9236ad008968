package dev.chartfactory.dashboard.logs;

import java.time.Duration;

/**
 * Bounds on what one log request may cost.
 *
 * @param maxTailLines largest {@code tailLines} accepted
 * @param maxTailBytes bytes read from the API server for one tail request ({@code limitBytes})
 * @param maxFollowLines lines one follow stream sends before it ends
 * @param maxFollowBytes bytes one follow stream sends before it ends
 * @param maxFollowTime how long one follow stream stays open
 * @param maxStreams follow streams open at once (more are refused with 429)
 */
public record LogLimits(
    int maxTailLines, int maxTailBytes, int maxFollowLines, long maxFollowBytes, Duration maxFollowTime, int maxStreams) {}
