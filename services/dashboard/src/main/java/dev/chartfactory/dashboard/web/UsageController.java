package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.usage.UsageRepository;
import dev.chartfactory.dashboard.usage.UsageSampler;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/workloads/{namespace}/deployment/{name}/usage}: CPU and memory of its pods, with its requests and limits. */
@RestController
public class UsageController {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final KubernetesClient client;
  private final ClusterSource source;
  private final UsageRepository usage;
  private final UsageSampler sampler;
  private final Clock clock;

  public UsageController(
      KubernetesClient client, ClusterSource source, UsageRepository usage, UsageSampler sampler, Clock clock) {
    this.client = client;
    this.source = source;
    this.usage = usage;
    this.sampler = sampler;
    this.clock = clock;
  }

  /** Per pod, summed over the pod template's containers; null where a container sets none. */
  public record Resources(Integer cpuMillicores, Long memoryBytes) {}

  public record Usage(
      String namespace,
      String deployment,
      UsageSampler.Status metrics,
      Resources requests,
      Resources limits,
      Map<String, List<UsageRepository.Point>> pods) {}

  @GetMapping("/api/workloads/{namespace}/deployment/{name}/usage")
  public Usage usage(
      @PathVariable String namespace, @PathVariable String name, @RequestParam(defaultValue = "60") int minutes) {
    if (minutes < 1 || minutes > 24 * 60 * 14) {
      throw new IllegalArgumentException("minutes: " + minutes + " is out of range (1-20160)");
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: '" + name + "' is not a Kubernetes object name");
    }
    if (!source.namespaces().contains(namespace)) {
      throw new ApiController.NamespaceNotWatchedException(
          "namespace: '" + namespace + "' is not watched; watched: " + String.join(", ", source.namespaces()));
    }
    Deployment deployment;
    try {
      deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "Kubernetes: " + LogController.ConnectionReason.of(e));
    }
    if (deployment == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "deployment '" + name + "' not found in namespace " + namespace);
    }
    List<Container> containers = deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
        || deployment.getSpec().getTemplate().getSpec() == null
        ? List.of() : deployment.getSpec().getTemplate().getSpec().getContainers();
    return new Usage(namespace, name, sampler.status(),
        resources(containers, c -> c.getResources() == null ? null : c.getResources().getRequests()),
        resources(containers, c -> c.getResources() == null ? null : c.getResources().getLimits()),
        usage.series(namespace, name + "-", clock.instant().minus(Duration.ofMinutes(minutes))));
  }

  private static Resources resources(List<Container> containers, Function<Container, Map<String, Quantity>> of) {
    BigDecimal cpu = null;
    BigDecimal memory = null;
    for (Container container : containers) {
      Map<String, Quantity> values = of.apply(container);
      if (values == null) {
        continue;
      }
      try {
        if (values.get("cpu") != null) {
          cpu = (cpu == null ? BigDecimal.ZERO : cpu).add(values.get("cpu").getNumericalAmount());
        }
        if (values.get("memory") != null) {
          memory = (memory == null ? BigDecimal.ZERO : memory).add(values.get("memory").getNumericalAmount());
        }
      } catch (IllegalArgumentException e) {
        // an unreadable quantity in a template the API server accepted: show nothing for it
      }
    }
    return new Resources(cpu == null ? null : cpu.movePointRight(3).intValue(), memory == null ? null : memory.longValue());
  }
}
