package dev.chartfactory.dashboard.web;

import dev.chartfactory.dashboard.DashboardProperties;
import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.drift.DriftService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/drift}: does each deployment run the config branch's head? */
@RestController
public class DriftController {

  private final ClusterSource source;
  private final DriftService drift;
  private final DashboardProperties properties;

  public DriftController(ClusterSource source, DriftService drift, DashboardProperties properties) {
    this.source = source;
    this.drift = drift;
    this.properties = properties;
  }

  @GetMapping("/api/drift")
  public DriftService.Report drift(@RequestParam(required = false) String namespace) {
    List<String> watched = source.namespaces();
    String ns = namespace == null || namespace.isBlank()
        ? (properties.namespaces().isEmpty() ? (watched.isEmpty() ? "" : watched.get(0)) : properties.namespaces().get(0))
        : namespace;
    if (!watched.contains(ns)) {
      throw new ApiController.NamespaceNotWatchedException(
          "namespace: '" + ns + "' is not watched; watched: " + String.join(", ", watched));
    }
    return drift.report(source.deployments(ns));
  }
}
