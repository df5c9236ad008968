package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.HelmProbe;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.helm.HelmCli;
import dev.chartfactory.core.helm.HelmException;
import dev.chartfactory.core.load.DirectorySpecSource;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.render.RenderedChart;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random strings — YAML indicators, quotes, unicode, template delimiters of Helm and of the
 * blueprints, scalars Go's YAML reads as booleans or numbers — go through spec → generate → the
 * real {@code helm template} with schema validation on, and reach Helm as the very same string:
 * as env names and values (values.yaml and values-dev.yaml), args (a list) and the chart's
 * description (Chart.yaml). What helm held is read back as JSON it printed itself
 * ({@link HelmProbe}), so no YAML reader of ours can hide a change. Many cases share one helm
 * run: one property try is one spec with a few hundred strings in it.
 */
class HelmValuesRoundTripPropertyTest {

  /** Scalars some YAML reader resolves to something other than the string. */
  private static final List<String> AMBIGUOUS = List.of(
      "y", "Y", "n", "N", "yes", "Yes", "NO", "no", "on", "On", "OFF", "off", "true", "False", "TRUE",
      "~", "null", "Null", "NULL", "", " ", "<<", "=", "0o17", "0O17", "017", "08", "0x1F", "0X10", "-0x10",
      "0b101", "-0b1", "0B11", "1:20", "-1:20:30", "190:20:30", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
      "1e3", "1E-3", "+1", "-1", "1_000", "1__0", "1.", ".5", "-.5e+3", "0.", "00", "+0", "2001-12-14",
      "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "12:30", "0xffffffffffffffffff",
      "99999999999999999999", "1e400", "+.5", "-", "+", ".", "..", "0x", "0b", "0o", "1_", "_1", "y ", " n",
      "Y\n", "true\ttrue", "@", "`x`", "%x", "!x", "&a", "*a", "!!str x", "? x", "- x", ": x", "x: y", "x #y",
      "#x", "'", "\"", "''", "\"\"", "\\", "\\n", "|", ">", "[a]", "{a: b}", "a,b", "---", "...", "--- x");
  private static final List<String> TEMPLATE_TEXT = List.of(
      "{{ .Values.x }}", "{{- toYaml . | nindent 2 }}", "{{", "}}", "{{/* c */}}", "[[ app.name ]]", "[[", "]]",
      "[% if x %]y[% endif %]", "[%", "%]", "{% raw %}", "{# c #}", "${HOME}", "$(echo x)");
  /** Env names the spec schema allows, Go-ambiguous ones first. */
  private static final List<String> AMBIGUOUS_NAMES = List.of(
      "Y", "y", "n", "N", "yes", "No", "on", "ON", "off", "true", "False", "null", "NULL", "Null", ".inf", "-.inf",
      ".nan", ".5", "-1", "-0b1", "-1_0", "_1", "-", ".", "a.b", "a-b");

  private static final JsonMapper SPEC_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger HELM_RUNS = new AtomicInteger();
  private static final long STARTED = System.nanoTime();
  private static HelmCli helm;

  /** The schema's \p{M}, \p{N}, \p{P} and \p{S} (letters are checked by the caller). */
  private static boolean isPrintableSymbolOrMark(int c) {
    return java.util.regex.Pattern.matches("[\\p{M}\\p{N}\\p{P}\\p{S}]", new String(Character.toChars(c)));
  }

  /**
   * Inputs random seeds found, each a failure before its fix: a value ending in U+2029 as a list
   * item ran into the next item in values.yaml (a parse error), U+2028/U+2029 before a tab were
   * written raw in a literal block. Values files now double-quote them as escapes; specs refuse
   * them (SafeYamlReaderTest), since Helm's own toYaml cannot print them into a manifest.
   */
  @Example
  void unicodeLineBreaks_inValuesFiles_reachHelmUnchanged() throws Exception {
    List<String> found = List.of("\u038bΕΊ\u2029", "a🍕b", "x\u2028\ty", "\n\n\u2029\t", "ï%Ͻ7\n\u2029    ͱɇ",
        "\u2028", "\t\u2029\n", "a\u2029", "ϋ\u2028    ?®", "\u2029 - x", "\n\n\u0085", "\n\t\u2028a");
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < found.size(); i++) {
      values.put("k" + i, found.get(i));
    }
    values.put("list", found);
    Path chart = Files.createTempDirectory("factory-linebreaks");
    try {
      TestRepos.write(chart, Map.of("Chart.yaml", "apiVersion: v2\nname: probe\nversion: 0.1.0\n",
          "values.yaml", dev.chartfactory.core.render.YamlText.dump(values)));
      HelmProbe.Rendered rendered = HelmProbe.renderChart(helm(), chart);
      JsonNode read = rendered.values("probe");
      for (int i = 0; i < found.size(); i++) {
        assertThat(read.path("k" + i).stringValue()).as("k%d", i).isEqualTo(found.get(i));
      }
      assertThat(JSON.convertValue(read.path("list"), List.class)).isEqualTo(found);
    } finally {
      ChartWorkspace.deleteQuietly(chart);
    }
  }

  // A fixed seed keeps CI repeatable (random seeds found the U+00A0, tab and U+2029 cases); change it to explore.
  @Property(tries = 4, shrinking = ShrinkingMode.OFF, seed = "20261202")
  void everyString_reachesHelmUnchanged_andBothSchemaChecksAccept(
      @ForAll @Size(min = 200, max = 200) List<@From("tricky") String> strings,
      @ForAll @Size(min = 12, max = 12) List<@From("tags") String> tags) throws Exception {
    Path temp = Files.createTempDirectory("factory-roundtrip");
    try {
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = 0; i < strings.size(); i++) {
        env.put(i < AMBIGUOUS_NAMES.size() ? AMBIGUOUS_NAMES.get(i) : "E" + i, strings.get(i));
      }
      Map<String, String> overrides = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(env.keySet());
      for (int i = 0; i < names.size(); i += 3) {
        overrides.put(names.get(i), strings.get(strings.size() - 1 - i));
      }
      overrides.put("ADDED_BY_DEV", strings.get(1));
      // Chart.yaml's description is one printable line (Helm rewrites other whitespace and drops
      // what it cannot print), so the spec refuses anything else there; keep what it accepts.
      String description = String.join("", strings.subList(0, 3)).codePoints()
          .filter(c -> c == ' ' || Character.isLetterOrDigit(c) || isPrintableSymbolOrMark(c))
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).append('.').toString();

      Path repo = temp.resolve("repo");
      TestRepos.copyTree(TestRepos.projectRoot().resolve("examples/small"), repo);
      Map<String, String> files = new LinkedHashMap<>();
      files.put("apps/hello/app.yaml", SPEC_JSON.writeValueAsString(app("hello", description, env, strings, null)));
      files.put("apps/hello/instances/dev.yaml", SPEC_JSON.writeValueAsString(
          Map.of("version", "1.0.0", "components", Map.of("web", Map.of("env", overrides)))));
      for (int i = 0; i < tags.size(); i++) {
        files.put("apps/tag" + i + "/app.yaml", SPEC_JSON.writeValueAsString(app("tag" + i, "", Map.of(), List.of(), tags.get(i))));
        files.put("apps/tag" + i + "/instances/dev.yaml", "version: \"1.0.0\"\n");
      }
      TestRepos.write(repo, files);

      ResolvedPlatform platform = new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(repo));
      List<RenderedChart> charts = Generated.render(repo);
      List<Problem> javaSchemaProblems = new ValuesSchemaCheck().check(platform, charts);
      HelmProbe.Rendered rendered;
      try {
        rendered = HelmProbe.render(helm(), ChartWorkspace.of(temp.resolve("workspace"), charts), "dev");
      } catch (HelmException e) {
        assertThat(javaSchemaProblems).as("helm's schema validation refused values the Java-side check accepted: %s",
            e.getMessage()).isNotEmpty();
        throw e;
      }
      HELM_RUNS.incrementAndGet();

      // helm ran with schema validation and accepted every chart; the Java-side check must agree.
      assertThat(javaSchemaProblems).isEmpty();
      Map<String, String> expectedEnv = new LinkedHashMap<>(env);
      expectedEnv.putAll(overrides);
      JsonNode web = rendered.values("hello").path("components").path("web");
      assertThat(strings(web.path("env"))).isEqualTo(expectedEnv);
      assertThat(JSON.convertValue(web.path("args"), List.class)).isEqualTo(strings);
      assertThat(rendered.chart("hello").path("description").stringValue()).isEqualTo(description);
      for (int i = 0; i < tags.size(); i++) {
        JsonNode tag = rendered.values("tag" + i).path("components").path("web").path("image").path("tag");
        assertThat(tag.isString()).as("tag %s", tags.get(i)).isTrue();
        assertThat(tag.stringValue()).isEqualTo(tags.get(i));
      }
      CASES.addAndGet(env.size() + overrides.size() + strings.size() + 1 + tags.size());
    } finally {
      ChartWorkspace.deleteQuietly(temp);
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf("[round trip] %d strings through %d helm runs in %.1f s%n",
        CASES.get(), HELM_RUNS.get(), (System.nanoTime() - STARTED) / 1e9);
  }

  private static Map<String, Object> app(String name, String description, Map<String, String> env,
      List<String> args, String tag) {
    Map<String, Object> web = new LinkedHashMap<>();
    web.put("type", "webapp");
    web.put("image", tag == null ? "hello-web" : "hello-web:" + tag);
    web.put("port", 8080);
    web.put("visibility", "cluster");
    web.put("probes", Map.of("liveness", Map.of("http", Map.of("path", "/health")),
        "readiness", Map.of("http", Map.of("path", "/ready"))));
    web.put("resources", Map.of("requests", Map.of("cpu", "50m", "memory", "64Mi"), "limits", Map.of("memory", "128Mi")));
    if (!env.isEmpty()) {
      web.put("env", env);
    }
    if (!args.isEmpty()) {
      web.put("args", args);
    }
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("name", name);
    if (!description.isEmpty()) {
      app.put("description", description);
    }
    app.put("version", "1.0.0");
    app.put("components", Map.of("web", web));
    return app;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object.properties().forEach(entry -> {
      assertThat(entry.getValue().isString()).as("%s = %s", entry.getKey(), entry.getValue()).isTrue();
      out.put(entry.getKey(), entry.getValue().stringValue());
    });
    return out;
  }

  private static synchronized HelmCli helm() {
    if (helm == null) {
      helm = TestHelm.cli();
    }
    return helm;
  }

  @Provide
  Arbitrary<String> tricky() {
    Arbitrary<String> ambiguous = Arbitraries.of(AMBIGUOUS);
    Arbitrary<String> templates = Arbitraries.of(TEMPLATE_TEXT);
    Arbitrary<String> indicators = Arbitraries.strings().withChars("-?:,[]{}#&*!|>'\"%@` \t\n\\=~.0123456789yYnN")
        .ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> unicode = Arbitraries.strings()
        .withCharRange(' ', '~').withCharRange('\u00a0', '\u024f').withCharRange('\u0370', '\u03ff')
        .withCharRange('\u4e00', '\u4e40').withChars('\ufffd', '\u200b', '\u00ad')
        // combining marks, right-to-left scripts and bidi marks (U+2028, U+2029 and U+FEFF are refused at
        // load: SafeYamlReaderTest; the writer's own handling of them: unicodeLineBreaks_…)
        .withCharRange('\u0300', '\u036f').withCharRange('\u05d0', '\u05ea').withCharRange('\u0627', '\u064a')
        .withChars('\u200e', '\u200f', '\u202b', '\u202e', '\u2066', '\u2069')
        .ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> astral = Arbitraries.of("\ud83d\ude00", "\ud834\udd1e", "a\ud83c\udf55b", "\ud83d\udc4d\ud83c\udffd");
    Arbitrary<String> piece = Arbitraries.oneOf(ambiguous, templates, indicators, unicode, astral);
    Arbitrary<String> mixed = piece.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, ambiguous), net.jqwik.api.Tuple.of(1, templates),
        net.jqwik.api.Tuple.of(2, indicators), net.jqwik.api.Tuple.of(2, unicode),
        net.jqwik.api.Tuple.of(1, astral), net.jqwik.api.Tuple.of(3, mixed));
  }

  /** Image tags the spec allows, many of them numbers to Go's YAML. */
  @Provide
  Arbitrary<String> tags() {
    Arbitrary<String> ambiguous = Arbitraries.of("0X10", "0x1f", "0o17", "017", "0b101", "1e3", "1E3", "1_000", "1.5",
        "1.", "10", "08", "_1", "y", "n", "NO", "on", "True", "null", "1.0", "0", "1e400", "0xffffffffffffffffff");
    Arbitrary<String> random = Arbitraries.strings().withChars("0123456789xXoObBeE_.-yn").ofMinLength(1).ofMaxLength(6)
        .filter(tag -> tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"));
    return Arbitraries.oneOf(ambiguous, random);
  }
}
