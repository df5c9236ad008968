package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.logs.LogFollower;
import dev.chartfactory.dashboard.logs.LogLimits;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A pod's log: the last lines, or followed as server-sent events. Only pods the informers know in
 * a watched namespace; names are checked against Kubernetes' own name rules before any request
 * leaves, and every request is bounded ({@link LogLimits}).
 */
@RestController
@RequestMapping("/api/pods/{namespace}/{name}")
public class LogController {

  private static final Logger log = LoggerFactory.getLogger(LogController.class);

  /** DNS-1123 subdomain (pod names) and label (container names). */
  private static final Pattern POD_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern CONTAINER_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final KubernetesClient client;
  private final ClusterSource source;
  private final LogLimits limits;
  private final ExecutorService streams;
  private final LogFollower follower;

  public LogController(
      KubernetesClient client, ClusterSource source, LogLimits limits, ExecutorService logStreams,
      ScheduledExecutorService logTimer) {
    this.client = client;
    this.source = source;
    this.limits = limits;
    this.streams = logStreams;
    this.follower = new LogFollower(logTimer);
  }

  /** {@code GET .../logs}. */
  public record Logs(String namespace, String pod, String container, int tailLines, List<String> lines) {}

  @GetMapping("/logs")
  public Logs tail(
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(required = false) String container,
      @RequestParam(defaultValue = "200") int tailLines) {
    checkTailLines(tailLines);
    ContainerResource source = logSource(namespace, name, container);
    // withReadyWaitTimeout(0): the log of a pod that is not ready is what one wants to read
    try {
      String text = source.limitBytes(limits.maxTailBytes()).tailingLines(tailLines).withReadyWaitTimeout(0).getLog();
      List<String> lines = text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines = lines.subList(0, lines.size() - 1);
      }
      return new Logs(namespace, name, container, tailLines, lines);
    } catch (KubernetesClientException e) {
      throw fromKubernetes(e);
    }
  }

  /**
   * {@code GET .../logs/stream}: the last {@code tailLines} and then every new line as an SSE
   * event {@code line}; one event {@code end} says why the stream stopped (log ended, line,
   * byte or time limit).
   */
  @GetMapping("/logs/stream")
  public SseEmitter follow(
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(required = false) String container,
      @RequestParam(defaultValue = "50") int tailLines) {
    checkTailLines(tailLines);
    ContainerResource source = logSource(namespace, name, container);
    SseEmitter emitter = new SseEmitter(limits.maxFollowTime().toMillis() + 5_000);
    try {
      streams.execute(() -> stream(source, tailLines, emitter, namespace + "/" + name));
    } catch (RejectedExecutionException e) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
          "too many log streams open (" + limits.maxStreams() + "); close one and try again");
    }
    return emitter;
  }

  private void stream(ContainerResource source, int tailLines, SseEmitter emitter, String what) {
    try (LogWatch watch = source.tailingLines(tailLines).withReadyWaitTimeout(0).watchLog()) {
      follower.follow(watch.getOutput(), watch::close, limits, new LogFollower.Sink() {
        @Override
        public boolean line(String line) {
          try {
            emitter.send(SseEmitter.event().name("line").data(line));
            return true;
          } catch (IOException | IllegalStateException e) {
            return false;
          }
        }

        @Override
        public void end(String reason) throws IOException {
          emitter.send(SseEmitter.event().name("end").data(reason));
        }
      });
      emitter.complete();
    } catch (IOException | RuntimeException e) {
      log.debug("log stream of {} failed", what, e);
      try {
        emitter.send(SseEmitter.event().name("end").data("error: " + ConnectionReason.of(e)));
        emitter.complete();
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
      }
    }
  }

  private void checkTailLines(int tailLines) {
    if (tailLines < 1 || tailLines > limits.maxTailLines()) {
      throw new IllegalArgumentException(
          "tailLines: " + tailLines + " is out of range (1-" + limits.maxTailLines() + ")");
    }
  }

  /** The pod, or the one container of it the caller named, once every name is checked. */
  private ContainerResource logSource(String namespace, String name, String container) {
    if (!POD_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: '" + name + "' is not a pod name (lower-case letters, digits, '-' and '.', at most 253)");
    }
    if (container != null && !container.isBlank() && !CONTAINER_NAME.matcher(container).matches()) {
      throw new IllegalArgumentException(
          "container: '" + container + "' is not a container name (lower-case letters, digits and '-', at most 63)");
    }
    if (!source.namespaces().contains(namespace)) {
      throw new ApiController.NamespaceNotWatchedException(
          "namespace: '" + namespace + "' is not watched; watched: " + String.join(", ", source.namespaces()));
    }
    if (source.pods(namespace).stream().noneMatch(p -> p.name().equals(name))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "pod: '" + name + "' not found in namespace " + namespace);
    }
    PodResource pod = client.pods().inNamespace(namespace).withName(name);
    return container == null || container.isBlank() ? pod : pod.inContainer(container);
  }

  private static ResponseStatusException fromKubernetes(KubernetesClientException e) {
    HttpStatus status = e.getCode() == 404 || e.getCode() == 400 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY;
    return new ResponseStatusException(status, "Kubernetes: " + ConnectionReason.of(e));
  }

  /** One line of why, never a stack trace. */
  static final class ConnectionReason {
    static String of(Throwable e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return message.strip().lines().findFirst().orElse(message);
    }
  }
}
