package dev.chartfactory.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.dashboard.support.AppTestBase;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Rollout history and events of a Deployment and a StatefulSet, from the mock API server in CRUD mode. */
class RolloutHistoryApiTest extends AppTestBase {

  static final String OLD_COMMIT = "1111111111111111111111111111111111111111";
  static final String NEW_COMMIT = "2222222222222222222222222222222222222222";

  @BeforeAll
  static void workloadsWithRevisions() {
    var client = cluster().client();
    var deployment = cluster().createDeployment("platform", "shop-api", 2, 2, Map.of("helm.sh/chart", "shop-api-0.2.0"));
    replicaSet(deployment, "shop-api-5d8f", "1", "shop-api:1.0", "shop-api-0.1.0", OLD_COMMIT);
    replicaSet(deployment, "shop-api-7c9b", "2", "shop-api:1.1", "shop-api-0.2.0", NEW_COMMIT);
    // a ReplicaSet of another deployment is not part of this history
    client.apps().replicaSets().inNamespace("platform").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("shop-api-stranger").addToAnnotations("deployment.kubernetes.io/revision", "9").endMetadata()
        .withNewSpec().withTemplate(template("other:1", "other-0.1.0", OLD_COMMIT)).endSpec().build()).create();
    event("e1", "Deployment", "shop-api", "Normal", "ScalingReplicaSet", "Scaled up replica set shop-api-7c9b to 2", "2026-12-01T10:00:00Z");
    event("e2", "Pod", "shop-api-7c9b-x1", "Warning", "BackOff", "Back-off restarting failed container", "2026-12-01T11:00:00Z");
    event("e3", "Pod", "search-1", "Warning", "BackOff", "not ours", "2026-12-01T12:00:00Z");

    StatefulSet db = client.apps().statefulSets().inNamespace("platform").resource(new StatefulSetBuilder()
        .withNewMetadata().withName("db").endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "db").endSelector()
        .withTemplate(template("postgres:17", "db-1.0.0", NEW_COMMIT)).endSpec()
        .build()).create();
    client.apps().controllerRevisions().inNamespace("platform").resource(new ControllerRevisionBuilder()
        .withNewMetadata().withName("db-6f7d8").withOwnerReferences(owner(db)).endMetadata()
        .withRevision(3L)
        .withData(Map.of("spec", Map.of("template", Map.of(
            "metadata", Map.of("labels", Map.of("helm.sh/chart", "db-1.0.0", "chartfactory.dev/source-commit", NEW_COMMIT)),
            "spec", Map.of("containers", List.of(Map.of("name", "main", "image", "postgres:17")))))))
        .build()).create();
  }

  private static PodTemplateSpec template(String image, String chart, String commit) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata().addToLabels("app", "x").addToLabels("helm.sh/chart", chart)
        .addToLabels("chartfactory.dev/source-commit", commit).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.OwnerReference owner(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid()).withController(true).build();
  }

  private static void replicaSet(HasMetadata deployment, String name, String revision, String image, String chart, String commit) {
    cluster().client().apps().replicaSets().inNamespace("platform").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName(name).withOwnerReferences(owner(deployment))
        .addToAnnotations("deployment.kubernetes.io/revision", revision).endMetadata()
        .withNewSpec().withReplicas(1).withTemplate(template(image, chart, commit)).endSpec()
        .build()).create();
  }

  private static void event(String name, String kind, String object, String type, String reason, String message, String at) {
    cluster().client().v1().events().inNamespace("platform").resource(new EventBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewInvolvedObject().withKind(kind).withName(object).withNamespace("platform").endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message).withCount(1).withLastTimestamp(at)
        .build()).create();
  }

  @Test
  void deploymentHistory_listsItsReplicaSetsNewestFirst_withImageChartAndCommit_andItsEvents() {
    JsonNode history = json("/api/workloads/platform/deployment/shop-api/history");

    JsonNode revisions = history.get("revisions");
    assertThat(revisions).hasSize(2);
    assertThat(revisions.get(0).get("revision").asLong()).isEqualTo(2);
    assertThat(revisions.get(0).get("name").asString()).isEqualTo("shop-api-7c9b");
    assertThat(revisions.get(0).get("images").get(0).asString()).isEqualTo("shop-api:1.1");
    assertThat(revisions.get(0).get("chart").asString()).isEqualTo("shop-api-0.2.0");
    assertThat(revisions.get(0).get("sourceCommit").asString()).isEqualTo(NEW_COMMIT);
    assertThat(revisions.get(0).get("current").asBoolean()).isTrue();
    assertThat(revisions.get(0).get("createdAt").asString()).isNotBlank();
    assertThat(revisions.get(1).get("sourceCommit").asString()).isEqualTo(OLD_COMMIT);
    assertThat(revisions.get(1).get("current").asBoolean()).isFalse();

    assertThat(reasons(history.get("events"))).containsExactly("Pod/shop-api-7c9b-x1 BackOff", "Deployment/shop-api ScalingReplicaSet");
  }

  @Test
  void statefulSetHistory_readsItsControllerRevisions() {
    JsonNode revisions = json("/api/workloads/platform/statefulset/db/history").get("revisions");
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).get("revision").asLong()).isEqualTo(3);
    assertThat(revisions.get(0).get("images").get(0).asString()).isEqualTo("postgres:17");
    assertThat(revisions.get(0).get("chart").asString()).isEqualTo("db-1.0.0");
    assertThat(revisions.get(0).get("sourceCommit").asString()).isEqualTo(NEW_COMMIT);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "/api/workloads/platform/job/shop-api/history            | 400 | kind: 'job' has no rollout history; expected deployment or statefulset",
    "/api/workloads/platform/deployment/Shop_Api/history     | 400 | name: 'Shop_Api' is not a Kubernetes object name",
    "/api/workloads/platform/deployment/..%2Fsecrets/history | 400 | ",
    "/api/workloads/platform/deployment/nothing/history      | 404 | deployment 'nothing' not found in namespace platform",
    "/api/workloads/kube-system/deployment/shop-api/history  | 404 | namespace: 'kube-system' is not watched",
  })
  void badInput_isAnsweredWithWhatIsWrong(String path, int status, String message) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    if (message != null) {
      assertThat(response.body()).contains(message);
    }
  }

  private static List<String> reasons(JsonNode events) {
    List<String> result = new ArrayList<>();
    events.forEach(e -> result.add(e.get("object").asString() + " " + e.get("reason").asString()));
    return result;
  }
}
