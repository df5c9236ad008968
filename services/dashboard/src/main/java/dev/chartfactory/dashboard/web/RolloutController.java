package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.rollout.RolloutHistory;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/workloads/{namespace}/{kind}/{name}/history}: revisions and events of one workload. */
@RestController
public class RolloutController {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final ClusterSource source;
  private final RolloutHistory history;

  public RolloutController(ClusterSource source, RolloutHistory history) {
    this.source = source;
    this.history = history;
  }

  @GetMapping("/api/workloads/{namespace}/{kind}/{name}/history")
  public RolloutHistory.History history(
      @PathVariable String namespace, @PathVariable String kind, @PathVariable String name) {
    RolloutHistory.Kind parsed = RolloutHistory.Kind.parse(kind);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: '" + name + "' is not a Kubernetes object name");
    }
    if (!source.namespaces().contains(namespace)) {
      throw new ApiController.NamespaceNotWatchedException(
          "namespace: '" + namespace + "' is not watched; watched: " + String.join(", ", source.namespaces()));
    }
    try {
      return history.of(namespace, parsed, name);
    } catch (RolloutHistory.NotFound e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    } catch (KubernetesClientException e) {
      throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "Kubernetes: " + LogController.ConnectionReason.of(e));
    }
  }
}
