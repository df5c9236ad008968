package dev.chartfactory.dashboard.bench;

import io.fabric8.kubernetes.api.model.KubernetesListBuilder;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fabric8's mock API server in expectations mode for the ingest bench: every informer of the
 * namespace gets an empty LIST, then a WATCH; the pod watch streams {@code pods} ADDED events
 * followed by one MODIFIED event per pod and phase of {@code changes}, each with a higher
 * resourceVersion. The mock server sends them one after the other on a single thread, so the
 * informers, the buffer and the writer are what is measured, not the mock server's request handling.
 */
final class WatchStream implements AutoCloseable {

  /** The informer's first LIST (Reflector: resourceVersion=0, no limit). */
  static final String LIST_QUERY = "?resourceVersion=0";
  /** The WATCH that follows (Reflector: bookmarks, the list's resourceVersion, 2 × 5 min timeout). */
  static final String WATCH_QUERY = "?allowWatchBookmarks=true&resourceVersion=1&timeoutSeconds=600&watch=true";

  /** Events start this long after the pod watch opens, so that all are scheduled before the first is sent. */
  private static final long START_DELAY_MS = 1_000;
  /**
   * A client message the informers never send: the mock closes a watch once it has nothing left to
   * send and nothing to answer, and a closed watch would make the informer relist (an empty list,
   * i.e. every pod deleted). A far-future timed event would keep it open too, but then the mock's
   * shutdown waits for it.
   */
  private static final String KEEP_OPEN = "keep-open";

  private final KubernetesMockServer server;

  WatchStream(String namespace, int pods, String[] changes) {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String ns = "/namespaces/" + namespace;
    for (String base : List.of("/apis/apps/v1" + ns + "/deployments", "/apis/apps/v1" + ns + "/statefulsets",
        "/apis/batch/v1" + ns + "/jobs")) {
      expectList(base);
      server.expect().get().withPath(base + WATCH_QUERY).andUpgradeToWebSocket().open()
          .expect(KEEP_OPEN).andEmit(bookmark()).once().done().always();
    }
    String podsPath = "/api/v1" + ns + "/pods";
    expectList(podsPath);
    var events = server.expect().get().withPath(podsPath + WATCH_QUERY).andUpgradeToWebSocket().open()
        .expect(KEEP_OPEN).andEmit(bookmark()).once();
    String created = Instant.now().toString();
    List<String> uids = new ArrayList<>(pods);
    long resourceVersion = 1;
    for (int i = 0; i < pods; i++) {
      uids.add(java.util.UUID.randomUUID().toString());
      events = events.waitFor(START_DELAY_MS)
          .andEmit(new WatchEvent(pod(namespace, i, uids.get(i), ++resourceVersion, created, "Pending"), "ADDED"));
    }
    for (String phase : changes) {
      for (int i = 0; i < pods; i++) {
        events = events.waitFor(START_DELAY_MS)
            .andEmit(new WatchEvent(pod(namespace, i, uids.get(i), ++resourceVersion, created, phase), "MODIFIED"));
      }
    }
    events.done().once();
  }

  private void expectList(String path) {
    server.expect().get().withPath(path + LIST_QUERY)
        .andReturn(200, new KubernetesListBuilder().withMetadata(new ListMetaBuilder().withResourceVersion("1").build()).build())
        .always();
  }

  private static WatchEvent bookmark() {
    return new WatchEvent(new PodBuilder().withNewMetadata().withResourceVersion("1").endMetadata().build(), "BOOKMARK");
  }

  private static Pod pod(String namespace, int i, String uid, long resourceVersion, String created, String phase) {
    String ready = "Running".equals(phase) ? "True" : "False";
    return new PodBuilder()
        .withNewMetadata().withNamespace(namespace).withName(String.format("bench-pod-%05d", i)).withUid(uid)
        .withResourceVersion(Long.toString(resourceVersion)).withCreationTimestamp(created)
        .addToLabels("app", "shop").endMetadata()
        .withNewSpec().withNodeName("node-" + (i % 20))
        .addNewContainer().withName("main").withImage("shop:1").endContainer().endSpec()
        .withNewStatus().withPhase(phase)
        .addNewCondition().withType("Ready").withStatus(ready).endCondition()
        .addNewCondition().withType("ContainersReady").withStatus(ready).endCondition()
        .endStatus()
        .build();
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** The requests received so far (to see what an informer asked for when it does not sync). */
  List<String> requests() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      paths.add(request.getMethod() + " " + request.getPath());
    }
    return paths;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
