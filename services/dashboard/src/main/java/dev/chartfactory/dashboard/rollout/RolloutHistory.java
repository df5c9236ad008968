package dev.chartfactory.dashboard.rollout;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The revisions of a Deployment (its ReplicaSets) or StatefulSet (its ControllerRevisions) with
 * what the generator stamped on each, and the Kubernetes events of the workload, its revisions
 * and its pods. Read from the API server on request (not cached: asked for one workload at a time).
 */
public final class RolloutHistory {

  static final String CHART_LABEL = "helm.sh/chart";
  static final String COMMIT_LABEL = "chartfactory.dev/source-commit";
  static final String DEPLOYMENT_REVISION = "deployment.kubernetes.io/revision";
  static final int MAX_EVENTS = 50;

  /** The kinds that have a rollout history. */
  public enum Kind {
    DEPLOYMENT("Deployment"),
    STATEFULSET("StatefulSet");

    final String kubernetesName;

    Kind(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** {@code deployment} or {@code statefulset}, any case; anything else is a clear error. */
    public static Kind parse(String kind) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(kind)) {
          return k;
        }
      }
      throw new IllegalArgumentException("kind: '" + kind + "' has no rollout history; expected deployment or statefulset");
    }
  }

  /**
   * One revision.
   *
   * @param revision the revision number Kubernetes gave it
   * @param name the ReplicaSet or ControllerRevision
   * @param images container images, in container order
   * @param chart the {@code helm.sh/chart} label of its pod template ({@code shop-0.1.0}), or null
   * @param sourceCommit the config commit it was generated from, or null
   * @param createdAt when it was created
   * @param current true for the revision the workload runs now
   */
  public record Revision(
      long revision, String name, List<String> images, String chart, String sourceCommit, Instant createdAt, boolean current) {}

  /**
   * One event.
   *
   * @param type Normal or Warning
   * @param reason e.g. ScalingReplicaSet, BackOff
   * @param message what happened
   * @param object the object it is about, {@code Kind/name}
   * @param count how often it happened
   * @param lastSeen when it last happened
   */
  public record WorkloadEvent(String type, String reason, String message, String object, int count, Instant lastSeen) {}

  /** Revisions newest first, then the workload's events newest first. */
  public record History(String namespace, String kind, String name, List<Revision> revisions, List<WorkloadEvent> events) {}

  /** The workload does not exist. */
  public static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  private final KubernetesClient client;

  public RolloutHistory(KubernetesClient client) {
    this.client = client;
  }

  public History of(String namespace, Kind kind, String name) {
    List<Revision> revisions;
    HasMetadata workload;
    if (kind == Kind.DEPLOYMENT) {
      Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
      if (deployment == null) {
        throw new NotFound("deployment '" + name + "' not found in namespace " + namespace);
      }
      workload = deployment;
      revisions = deploymentRevisions(namespace, deployment);
    } else {
      StatefulSet statefulSet = client.apps().statefulSets().inNamespace(namespace).withName(name).get();
      if (statefulSet == null) {
        throw new NotFound("statefulset '" + name + "' not found in namespace " + namespace);
      }
      workload = statefulSet;
      revisions = statefulSetRevisions(namespace, statefulSet);
    }
    Set<String> objects = new java.util.HashSet<>();
    objects.add(kind.kubernetesName + "/" + name);
    revisions.forEach(r -> objects.add((kind == Kind.DEPLOYMENT ? "ReplicaSet/" : "ControllerRevision/") + r.name()));
    return new History(namespace, kind.kubernetesName, name, revisions, events(namespace, workload, objects));
  }

  private List<Revision> deploymentRevisions(String namespace, Deployment deployment) {
    String uid = deployment.getMetadata().getUid();
    List<ReplicaSet> owned = client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
        .filter(rs -> ownedBy(rs, uid))
        .toList();
    long newest = owned.stream().mapToLong(rs -> number(annotation(rs.getMetadata(), DEPLOYMENT_REVISION))).max().orElse(-1);
    List<Revision> result = new ArrayList<>();
    for (ReplicaSet rs : owned) {
      long revision = number(annotation(rs.getMetadata(), DEPLOYMENT_REVISION));
      PodTemplateSpec template = rs.getSpec() == null ? null : rs.getSpec().getTemplate();
      result.add(revision(revision, rs.getMetadata(), template, revision == newest));
    }
    result.sort(Comparator.comparingLong(Revision::revision).reversed());
    return result;
  }

  private List<Revision> statefulSetRevisions(String namespace, StatefulSet statefulSet) {
    String uid = statefulSet.getMetadata().getUid();
    String currentName = statefulSet.getStatus() == null ? null : statefulSet.getStatus().getUpdateRevision();
    List<Revision> result = new ArrayList<>();
    for (ControllerRevision cr : client.apps().controllerRevisions().inNamespace(namespace).list().getItems()) {
      if (!ownedBy(cr, uid)) {
        continue;
      }
      // data is the StatefulSet's template as a patch: {"spec":{"template":{...}}}
      PodTemplateSpec template = null;
      Object raw = cr.getData() instanceof io.fabric8.kubernetes.api.model.AnyType any ? any.getValue() : cr.getData();
      if (raw instanceof Map<?, ?> data
          && data.get("spec") instanceof Map<?, ?> spec
          && spec.get("template") instanceof Map<?, ?> templateData) {
        try {
          template = client.getKubernetesSerialization().convertValue(templateData, PodTemplateSpec.class);
        } catch (RuntimeException e) {
          template = null; // a revision whose data is not a pod template shows without images
        }
      }
      long revision = cr.getRevision() == null ? -1 : cr.getRevision();
      result.add(revision(revision, cr.getMetadata(), template, cr.getMetadata().getName().equals(currentName)));
    }
    result.sort(Comparator.comparingLong(Revision::revision).reversed());
    if (currentName == null && !result.isEmpty()) {
      Revision top = result.get(0);
      result.set(0, new Revision(top.revision(), top.name(), top.images(), top.chart(), top.sourceCommit(), top.createdAt(), true));
    }
    return result;
  }

  private static Revision revision(long number, ObjectMeta meta, PodTemplateSpec template, boolean current) {
    List<String> images = template == null || template.getSpec() == null || template.getSpec().getContainers() == null
        ? List.of()
        : template.getSpec().getContainers().stream().map(Container::getImage).filter(Objects::nonNull).toList();
    Map<String, String> templateLabels = template == null || template.getMetadata() == null || template.getMetadata().getLabels() == null
        ? Map.of()
        : template.getMetadata().getLabels();
    Function<String, String> label = key -> templateLabels.getOrDefault(key,
        meta.getLabels() == null ? null : meta.getLabels().get(key));
    return new Revision(number, meta.getName(), images, label.apply(CHART_LABEL), label.apply(COMMIT_LABEL),
        time(meta.getCreationTimestamp()), current);
  }

  private List<WorkloadEvent> events(String namespace, HasMetadata workload, Set<String> objects) {
    String podPrefix = workload.getMetadata().getName() + "-";
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && e.getInvolvedObject().getName() != null)
        .filter(e -> objects.contains(e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName())
            || ("Pod".equals(e.getInvolvedObject().getKind()) && e.getInvolvedObject().getName().startsWith(podPrefix)))
        .map(RolloutHistory::event)
        .sorted(Comparator.comparing(WorkloadEvent::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(MAX_EVENTS)
        .collect(Collectors.toList());
  }

  private static WorkloadEvent event(Event e) {
    Instant last = time(e.getLastTimestamp());
    if (last == null) {
      last = e.getEventTime() == null ? time(e.getMetadata().getCreationTimestamp()) : time(e.getEventTime().getTime());
    }
    return new WorkloadEvent(e.getType(), e.getReason(), e.getMessage(),
        e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName(),
        e.getCount() == null ? 1 : e.getCount(), last);
  }

  private static boolean ownedBy(HasMetadata object, String uid) {
    return object.getMetadata().getOwnerReferences() != null
        && object.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid != null && uid.equals(o.getUid()));
  }

  private static String annotation(ObjectMeta meta, String key) {
    return meta.getAnnotations() == null ? null : meta.getAnnotations().get(key);
  }

  private static long number(String value) {
    try {
      return value == null ? -1 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
