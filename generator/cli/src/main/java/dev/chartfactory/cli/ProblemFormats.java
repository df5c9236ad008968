package dev.chartfactory.cli;

import dev.chartfactory.core.api.SpecFiles;
import dev.chartfactory.core.error.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/** Problems as JSON for scripts, or SARIF 2.1.0 so CI systems annotate the spec lines. */
final class ProblemFormats {

  private static final Pattern RULE = Pattern.compile("^\\[([a-z-]+)\\] ");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemFormats() {}

  static String json(List<Problem> problems) {
    List<Object> out = new ArrayList<>();
    for (Problem problem : problems) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("file", problem.location().file());
      entry.put("line", problem.location().line());
      entry.put("column", problem.location().column());
      entry.put("rule", rule(problem));
      entry.put("field", problem.field());
      entry.put("message", problem.message());
      entry.put("hint", problem.hint());
      out.add(entry);
    }
    return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ordered("problems", out));
  }

  static String sarif(List<Problem> problems) {
    TreeSet<String> ruleIds = new TreeSet<>();
    List<Object> results = new ArrayList<>();
    for (Problem problem : problems) {
      String rule = rule(problem);
      ruleIds.add(rule);
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", Math.max(1, problem.location().line()));
      region.put("startColumn", Math.max(1, problem.location().column()));
      String text = (problem.field().isEmpty() ? "" : problem.field() + ": ") + problem.message()
          + (problem.hint() == null ? "" : "; " + problem.hint());
      results.add(ordered(
          "ruleId", rule,
          "level", "error",
          "message", ordered("text", text),
          "locations", List.of(ordered("physicalLocation", ordered(
              "artifactLocation", ordered("uri", problem.location().file()),
              "region", region)))));
    }
    List<Object> rules = new ArrayList<>();
    for (String id : ruleIds) {
      rules.add(ordered("id", id, "shortDescription",
          ordered("text", SpecFiles.ruleDescriptions().getOrDefault(id, "the spec files are valid and render valid manifests"))));
    }
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(ordered(
        "tool", ordered("driver", ordered("name", "chart-factory", "rules", rules)),
        "results", results)));
    return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sarif);
  }

  private static String rule(Problem problem) {
    Matcher matcher = RULE.matcher(problem.message());
    return matcher.find() ? matcher.group(1) : "spec";
  }

  /** A map in the order its keys are given, so the JSON reads in that order. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
