package dev.chartfactory.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ConnectionMonitorTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void status_untilEveryInformerWatches_isDisconnectedSinceTheStart_withTheLastReason() {
    ConnectionMonitor monitor = new ConnectionMonitor("https://kube.example:6443", CLOCK);
    monitor.failed("list pods in platform", new CompletionException(new ConnectException()));
    var refused = new ConnectException();
    refused.initCause(new java.nio.channels.ClosedChannelException());
    monitor.failed("list jobs in platform", new CompletionException(refused));

    ConnectionMonitor.Status status = monitor.status(false);

    assertThat(status.connected()).isFalse();
    assertThat(status.since()).isEqualTo(CLOCK.instant());
    assertThat(status.lastError()).isEqualTo("ConnectException: Connection refused");
    assertThat(status.failedAttempts()).as("two informers failing together are one attempt").isEqualTo(1);
    assertThat(monitor.status(true)).isEqualTo(new ConnectionMonitor.Status("https://kube.example:6443", true, null, null, 0));
  }

  @Test
  void reason_isTheRootCauseOnOneLine() {
    var error = new IllegalStateException("wrapper", new RuntimeException("401 Unauthorized\nbody: {...}"));
    assertThat(ConnectionMonitor.reason(error)).isEqualTo("RuntimeException: 401 Unauthorized");
  }
}
