package dev.chartfactory.dashboard.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the API server answers, since when it does not, and why. The informers of every
 * namespace and kind retry on their own; their failures within {@link #ATTEMPT_WINDOW} are one
 * attempt, logged as one line naming the URL and the reason (the stack trace only at debug).
 */
public final class ConnectionMonitor {

  private static final Logger log = LoggerFactory.getLogger(ConnectionMonitor.class);

  /** Failures of the several informers this close together are one attempt to reach the server. */
  static final Duration ATTEMPT_WINDOW = Duration.ofMillis(900);

  /**
   * What the page and {@code /api/stats} show.
   *
   * @param apiUrl the API server URL tried
   * @param connected true while every informer has listed and is watching
   * @param since when the connection was lost (or the start, if it never came up); null when connected
   * @param lastError the reason of the last failed attempt, one line, or null
   * @param failedAttempts failed attempts since the connection was lost
   */
  public record Status(String apiUrl, boolean connected, Instant since, String lastError, long failedAttempts) {}

  private final String apiUrl;
  private final Clock clock;
  private Instant since;
  private Instant lastAttempt;
  private String lastError;
  private long attempts;

  public ConnectionMonitor(String apiUrl, Clock clock) {
    this.apiUrl = apiUrl;
    this.clock = clock;
    this.since = clock.instant();
  }

  public String apiUrl() {
    return apiUrl;
  }

  /** An informer failed to list or watch; logs one line per attempt. */
  public synchronized void failed(String operation, Throwable error) {
    Instant now = clock.instant();
    if (since == null) {
      since = now;
      attempts = 0;
    }
    lastError = reason(error);
    if (lastAttempt == null || Duration.between(lastAttempt, now).compareTo(ATTEMPT_WINDOW) > 0) {
      attempts++;
      log.warn("Kubernetes API at {} not reachable ({}): {}; retrying (attempt {}, not connected since {})",
          apiUrl, operation, lastError, attempts, since);
    }
    log.debug("{} against {} failed", operation, apiUrl, error);
    lastAttempt = now;
  }

  /** The current state, given whether every informer is synced and watching now. */
  public synchronized Status status(boolean allWatching) {
    if (allWatching && since != null) {
      log.info("connected to Kubernetes at {}", apiUrl);
      since = null;
      lastError = null;
      attempts = 0;
    } else if (!allWatching && since == null) {
      since = clock.instant();
    }
    return new Status(apiUrl, since == null, since, lastError, attempts);
  }

  /** The innermost cause, one line: "ConnectException: Connection refused", "UnknownHostException: kube.example", ... */
  static String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root && !(root instanceof java.net.ConnectException)) {
      root = root.getCause(); // a ConnectException says more than the ClosedChannelException the JDK client puts under it
    }
    String message = root.getMessage() == null || root.getMessage().isBlank()
        ? (root instanceof java.net.ConnectException ? "Connection refused" : null)
        : root.getMessage();
    String reason = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    String firstLine = reason.strip().lines().findFirst().orElse(reason);
    return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
  }
}
