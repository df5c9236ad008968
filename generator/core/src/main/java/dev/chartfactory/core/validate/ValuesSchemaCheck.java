package dev.chartfactory.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedApp;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.umbrella.UmbrellaFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks each app chart's {@code values.schema.json} against the values Helm would give the
 * chart: its own {@code values.yaml}, and in every environment that file coalesced with the
 * app's block of the umbrella's {@code values-<env>.yaml} and the umbrella's {@code global}.
 * This is the check {@code helm template} makes for every subchart; doing it here lets
 * validation run helm with {@code --skip-schema-validation}, which takes about a third off
 * helm's time on large platforms (its JSON Schema library is slow), while every value is still
 * checked against the same schema.
 */
final class ValuesSchemaCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  /** Compiled schemas by their text without the title (apps alike in shape share one). */
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger schemaIds = new java.util.concurrent.atomic.AtomicInteger();

  /** Every violation, each at the spec of the app whose chart it is. */
  List<Problem> check(ResolvedPlatform platform, List<RenderedChart> charts) {
    RenderedChart umbrella = RenderedChart.umbrellaIn(charts).orElse(null);
    Map<String, Object> umbrellaValues = umbrella == null ? Map.of() : UmbrellaFiles.yaml(umbrella.files().get("values.yaml"));
    // The umbrella's values per environment, as Helm coalesces them: once, not once per chart.
    Map<String, Map<String, Object>> environmentValues = new LinkedHashMap<>();
    for (String environment : platform.repo().environmentNames()) {
      environmentValues.put(environment, coalesce(umbrellaValues, umbrella == null ? Map.of()
          : UmbrellaFiles.yaml(umbrella.files().get("values-" + environment + ".yaml"))));
    }
    return charts.parallelStream()
        .filter(chart -> chart.folder().startsWith("charts/") && chart.files().containsKey("values.schema.json"))
        .flatMap(chart -> check(platform, chart, environmentValues).stream())
        .toList();
  }

  private List<Problem> check(ResolvedPlatform platform, RenderedChart chart,
      Map<String, Map<String, Object>> environmentValues) {
    Schema schema = compiled.computeIfAbsent(withoutTitle(chart.files().get("values.schema.json")), this::compile);
    Map<String, Object> own = UmbrellaFiles.yaml(chart.files().get("values.yaml"));
    List<Problem> problems = new ArrayList<>();
    report(platform, chart, "values.yaml", schema.validate(ManifestSchemaValidator.toJson(own)), problems);
    for (Map.Entry<String, Map<String, Object>> environment : environmentValues.entrySet()) {
      Map<String, Object> parent = environment.getValue();
      if (!(parent.get(chart.name()) instanceof Map<?, ?> block) || Boolean.FALSE.equals(block.get("enabled"))) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> values = coalesce(own, (Map<String, Object>) block);
      if (parent.get("global") instanceof Map<?, ?> global) {
        @SuppressWarnings("unchecked")
        Map<String, Object> globals = (Map<String, Object>) global;
        values.put("global", coalesce(values.get("global") instanceof Map<?, ?> g ? cast(g) : Map.of(), globals));
      }
      report(platform, chart, "values-" + environment.getKey() + ".yaml",
          schema.validate(ManifestSchemaValidator.toJson(values)), problems);
    }
    return problems;
  }

  private void report(ResolvedPlatform platform, RenderedChart chart, String valuesFile, List<Error> errors,
      List<Problem> problems) {
    ResolvedApp app = platform.baseApps().get(chart.name());
    SourceLocation at = app == null ? SourceLocation.ofFile(chart.folder() + "/values.schema.json") : app.origin().location();
    for (Error error : errors) {
      problems.add(Problem.at(at, "", chart.folder() + "/values.schema.json rejects the values from "
          + (valuesFile.equals("values.yaml") ? chart.folder() + "/values.yaml" : RepoLayout.UMBRELLA_CHART + "/" + valuesFile)
          + ": " + error.getInstanceLocation() + ": " + error.getMessage()));
    }
  }

  /** Helm's coalescing: {@code override}'s values win, maps merge, null removes a key. */
  static Map<String, Object> coalesce(Map<String, Object> base, Map<String, Object> override) {
    Map<String, Object> result = new LinkedHashMap<>(base);
    override.forEach((key, value) -> {
      Object before = result.get(key);
      if (value == null) {
        result.remove(key);
      } else if (value instanceof Map<?, ?> map && before instanceof Map<?, ?> beforeMap) {
        result.put(key, coalesce(cast(beforeMap), cast(map)));
      } else {
        result.put(key, value);
      }
    });
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  private static String withoutTitle(String schemaJson) {
    ObjectNode schema = (ObjectNode) JSON.readTree(schemaJson);
    schema.remove("title");
    return schema.toString();
  }

  private Schema compile(String schemaJson) {
    JsonNode root = JSON.readTree(schemaJson);
    Schema schema = registry.getSchema(SchemaLocation.of("https://chartfactory.dev/values/" + schemaIds.incrementAndGet()), root);
    schema.initializeValidators();
    return schema;
  }
}
