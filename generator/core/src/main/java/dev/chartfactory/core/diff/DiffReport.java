package dev.chartfactory.core.diff;

import dev.chartfactory.core.diff.ObjectChange.FieldChange;
import dev.chartfactory.core.error.PrintableText;
import dev.chartfactory.core.render.Provenance;
import java.util.List;
import java.util.Map;

/**
 * Per-environment object changes, as text for a terminal or Markdown for a PR comment. A change
 * of provenance only (the {@code chartfactory.dev/source-commit} label or annotation) is not
 * repeated per object: each environment gets one line saying how many objects it touched.
 */
public record DiffReport(Map<String, List<ObjectChange>> byEnvironment, Map<String, List<EnvNote>> notes) {

  private static final int MAX_FIELDS = 40;

  public DiffReport(Map<String, List<ObjectChange>> byEnvironment) {
    this(byEnvironment, Map.of());
  }

  public DiffReport {
    byEnvironment = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byEnvironment));
    notes = Map.copyOf(notes);
  }

  /**
   * Where an env value of a workload came from, shown after the field's change in text and
   * Markdown: an env value written as {@code ${ref:catalog.api.http:url}} reads
   * {@code env[CATALOG_URL].value: … -> …  (${ref:catalog.api.http:url})}.
   *
   * @param namespace the workload's namespace
   * @param name the workload's name
   * @param container its container
   * @param variable the env variable
   * @param written the value as the spec writes it
   */
  public record EnvNote(String namespace, String name, String container, String variable, String written) {

    boolean explains(ObjectChange.ObjectKey key, FieldChange field) {
      return key.namespace().equals(namespace) && key.name().equals(name)
          && field.path().endsWith("containers[" + container + "].env[" + variable + "].value");
    }
  }

  /** The same report with the origins of env values, per environment. */
  public DiffReport withNotes(Map<String, List<EnvNote>> environmentNotes) {
    return new DiffReport(byEnvironment, environmentNotes);
  }

  public boolean isEmpty() {
    return byEnvironment.values().stream().allMatch(List::isEmpty);
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    byEnvironment.forEach((environment, all) -> {
      Reviewed reviewed = Reviewed.of(all);
      List<ObjectChange> changes = reviewed.changes();
      out.append("environment ").append(environment).append(": ").append(summary(changes)).append('\n');
      if (reviewed.provenanceObjects() > 0) {
        out.append("  ").append(reviewed.provenanceLine()).append('\n');
      }
      for (ObjectChange change : changes) {
        out.append(switch (change.type()) {
          case ADDED -> "  + ";
          case REMOVED -> "  - ";
          case CHANGED -> "  ~ ";
        }).append(change.key()).append('\n');
        fields(change, notes.getOrDefault(environment, List.of()), out, "      ", "");
      }
    });
    return out.toString();
  }

  public String markdown() {
    StringBuilder out = new StringBuilder("### Chart Factory: what changes in the cluster\n\n");
    byEnvironment.forEach((environment, all) -> {
      Reviewed reviewed = Reviewed.of(all);
      List<ObjectChange> changes = reviewed.changes();
      out.append("<details><summary><b>").append(environment).append("</b>: ").append(summary(changes))
          .append("</summary>\n\n");
      if (reviewed.provenanceObjects() > 0) {
        out.append(reviewed.provenanceLine()).append("\n\n");
      }
      if (!changes.isEmpty()) {
        out.append("| | object | fields |\n| --- | --- | --- |\n");
        for (ObjectChange change : changes) {
          StringBuilder fields = new StringBuilder();
          fields(change, notes.getOrDefault(environment, List.of()), fields, "", "<br>");
          out.append("| ").append(switch (change.type()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
          }).append(" | `").append(change.key()).append("` | ")
              .append(fields.toString().replace("|", "\\|").replace("\n", "")).append(" |\n");
        }
      }
      out.append("\n</details>\n\n");
    });
    return out.toString();
  }

  /**
   * For scripts: {@code {"schema": "chartfactory.dev/diff/v1", "changed": bool, "environments":
   * [{"name", "added", "changed", "removed", "provenance": {"from", "to", "objects"}|null,
   * "objects": [{"change": "added|removed|changed", "kind", "namespace", "name",
   * "fields": [{"path", "before", "after"}]}]}]}}. Field values are whole (not shortened);
   * null before or after means absent. Provenance-only changes are summarised as in text().
   */
  public String json() {
    List<Object> environments = new java.util.ArrayList<>();
    byEnvironment.forEach((environment, all) -> {
      Reviewed reviewed = Reviewed.of(all);
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("name", environment);
      entry.put("added", reviewed.changes().stream().filter(c -> c.type() == ObjectChange.Type.ADDED).count());
      entry.put("changed", reviewed.changes().stream().filter(c -> c.type() == ObjectChange.Type.CHANGED).count());
      entry.put("removed", reviewed.changes().stream().filter(c -> c.type() == ObjectChange.Type.REMOVED).count());
      Map<String, Object> provenance = new java.util.LinkedHashMap<>();
      provenance.put("from", List.copyOf(reviewed.from()));
      provenance.put("to", List.copyOf(reviewed.to()));
      provenance.put("objects", reviewed.provenanceObjects());
      entry.put("provenance", reviewed.provenanceObjects() == 0 ? null : provenance);
      List<Object> objects = new java.util.ArrayList<>();
      for (ObjectChange change : reviewed.changes()) {
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        object.put("change", change.type().name().toLowerCase(java.util.Locale.ROOT));
        object.put("kind", change.key().kind());
        object.put("namespace", change.key().namespace());
        object.put("name", change.key().name());
        List<Object> fields = new java.util.ArrayList<>();
        for (FieldChange field : change.fields()) {
          Map<String, Object> one = new java.util.LinkedHashMap<>();
          one.put("path", field.path());
          one.put("before", field.before());
          one.put("after", field.after());
          fields.add(one);
        }
        object.put("fields", fields);
        objects.add(object);
      }
      entry.put("objects", objects);
      environments.add(entry);
    });
    Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("schema", "chartfactory.dev/diff/v1");
    // Every object change is either kept or counted as provenance, so any change at all.
    root.put("changed", !isEmpty());
    root.put("environments", environments);
    return new tools.jackson.databind.ObjectMapper().writer(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(root);
  }

  /** Whether a field only records which config commit an object was generated from. */
  static boolean isProvenance(FieldChange field) {
    return field.path().endsWith("." + PROVENANCE_KEY);
  }

  private static final String PROVENANCE_KEY = Provenance.ANNOTATION;

  /**
   * One environment's changes as a reviewer reads them: provenance fields taken out of every
   * object (objects with nothing else left are dropped) and counted instead.
   */
  private record Reviewed(List<ObjectChange> changes, int provenanceObjects, java.util.Set<String> from,
      java.util.Set<String> to) {

    static Reviewed of(List<ObjectChange> all) {
      List<ObjectChange> kept = new java.util.ArrayList<>();
      java.util.Set<String> from = new java.util.TreeSet<>();
      java.util.Set<String> to = new java.util.TreeSet<>();
      int objects = 0;
      for (ObjectChange change : all) {
        if (change.type() != ObjectChange.Type.CHANGED) {
          kept.add(change);
          continue;
        }
        List<FieldChange> rest = change.fields().stream().filter(f -> !isProvenance(f)).toList();
        if (rest.size() < change.fields().size()) {
          objects++;
          change.fields().stream().filter(DiffReport::isProvenance).forEach(f -> {
            from.add(show(f.before()));
            to.add(show(f.after()));
          });
        }
        if (!rest.isEmpty()) {
          kept.add(new ObjectChange(change.key(), change.type(), rest));
        }
      }
      return new Reviewed(kept, objects, from, to);
    }

    String provenanceLine() {
      return PROVENANCE_KEY + ": " + String.join(", ", from) + " -> " + String.join(", ", to) + " on "
          + provenanceObjects + (provenanceObjects == 1 ? " object" : " objects");
    }
  }

  private static void fields(ObjectChange change, List<EnvNote> notes, StringBuilder out, String indent,
      String lineBreak) {
    List<FieldChange> fields = change.fields();
    for (int i = 0; i < Math.min(fields.size(), MAX_FIELDS); i++) {
      FieldChange field = fields.get(i);
      out.append(indent).append(lineBreak.isEmpty() ? "" : "`").append(field.path())
          .append(": ").append(show(field.before())).append(" -> ").append(show(field.after()))
          .append(lineBreak.isEmpty() ? "" : "`");
      notes.stream().filter(note -> note.explains(change.key(), field)).findFirst().ifPresent(note ->
          out.append(lineBreak.isEmpty() ? "  (" : " (`").append(show(note.written()))
              .append(lineBreak.isEmpty() ? ")" : "`)"));
      out.append(lineBreak.isEmpty() ? "\n" : lineBreak);
    }
    if (fields.size() > MAX_FIELDS) {
      out.append(indent).append("… and ").append(fields.size() - MAX_FIELDS).append(" more fields")
          .append(lineBreak.isEmpty() ? "\n" : lineBreak);
    }
  }

  private static String show(String value) {
    if (value == null) {
      return "(none)";
    }
    String printable = PrintableText.escape(value);
    return printable.length() > 80 ? printable.substring(0, 77) + "..." : printable;
  }

  private static String summary(List<ObjectChange> changes) {
    if (changes.isEmpty()) {
      return "no changes";
    }
    long added = changes.stream().filter(c -> c.type() == ObjectChange.Type.ADDED).count();
    long removed = changes.stream().filter(c -> c.type() == ObjectChange.Type.REMOVED).count();
    long changed = changes.size() - added - removed;
    return added + " added, " + changed + " changed, " + removed + " removed";
  }
}
