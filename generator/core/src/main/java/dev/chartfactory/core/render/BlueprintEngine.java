package dev.chartfactory.core.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.RenderException;
import dev.chartfactory.core.error.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders blueprints with Jinjava, sandboxed: strict about unknown variables, no nested
 * interpretation of values (a spec value that looks like a template stays text), bounded output
 * and depth. Blueprints come from the generator's classpath, overridden file by file by the
 * config repo's {@code templates/} folder.
 */
public final class BlueprintEngine {

  private static final String INDEX = "/blueprints/index.txt";
  private static final long MAX_OUTPUT = 2L * 1024 * 1024;

  private final Jinjava jinjava;
  private final SortedMap<String, String> blueprints = new TreeMap<>();
  private final java.util.Set<String> overridden = new TreeSet<>();

  /** @param overrides files from the config repo's templates/ folder, by path below it */
  public BlueprintEngine(Map<String, String> overrides) {
    for (String path : builtInPaths()) {
      blueprints.put(path, readBuiltIn(path));
    }
    overrides.forEach((path, text) -> {
      if (path.endsWith(".j2")) {
        blueprints.put(path, text);
        overridden.add(path);
      }
    });
    JinjavaConfig config = JinjavaConfig.newBuilder()
        .withTokenScannerSymbols(new BracketSymbols())
        .withFailOnUnknownTokens(true)
        .withNestedInterpretationEnabled(false)
        .withTrimBlocks(true)
        .withLstripBlocks(true)
        .withMaxOutputSize(MAX_OUTPUT)
        .withMaxRenderDepth(10)
        .withMaxStringLength(MAX_OUTPUT)
        .withMaxListSize(10_000)
        .withMaxMapSize(10_000)
        .withEnableRecursiveMacroCalls(false)
        .build();
    jinjava = new Jinjava(config);
    jinjava.setResourceLocator((name, encoding, interpreter) -> {
      String text = blueprints.get(name);
      if (text == null) {
        throw new IOException("no blueprint '" + name + "' (expected one of: " + blueprints.keySet() + ")");
      }
      return text;
    });
  }

  /** Blueprint paths below {@code folder/}, e.g. {@code webapp} → {@code webapp/deployment.yaml.j2}. */
  public List<String> blueprintsIn(String folder) {
    List<String> paths = new ArrayList<>();
    for (String path : blueprints.keySet()) {
      if (path.startsWith(folder + "/") && path.indexOf('/', folder.length() + 1) < 0) {
        paths.add(path);
      }
    }
    return paths;
  }

  /** A blueprint parsed once: the tree Jinjava renders, or the errors parsing it gave. */
  private record Parsed(Node tree, List<TemplateError> errors) {}

  private final Map<String, Parsed> parsed = new java.util.concurrent.ConcurrentHashMap<>();
  private final ThreadLocal<JinjavaInterpreter> interpreters =
      ThreadLocal.withInitial(() -> jinjava().newInterpreter());

  private Jinjava jinjava() {
    return jinjava;
  }

  /** Parses every blueprint now rather than on first use (errors are kept for render to report). */
  public BlueprintEngine parseAll() {
    blueprints.keySet().forEach(path -> parsed.computeIfAbsent(path, this::parse));
    return this;
  }

  /** Renders one blueprint, or throws with the blueprint's file and line. */
  public String render(String path, Map<String, Object> context) {
    Parsed template = parsed.computeIfAbsent(path, this::parse);
    List<Problem> problems = new ArrayList<>();
    for (TemplateError error : template.errors()) {
      problems.add(Problem.at(sourceOf(path, error.getLineno()), "", describe(error)));
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    // One interpreter per thread, a fresh scope per render: creating an interpreter (its
    // context registers every tag and filter) costs more than rendering a small blueprint.
    JinjavaInterpreter interpreter = interpreters.get();
    int errorsBefore = interpreter.getErrors().size();
    JinjavaInterpreter.pushCurrent(interpreter);
    String output;
    try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      interpreter.getContext().putAll(context);
      output = interpreter.render(template.tree(), true);
    } catch (com.hubspot.jinjava.interpret.InterpretException e) {
      throw new RenderException(List.of(Problem.at(sourceOf(path, e.getLineNumber()), "",
          e.getMessage().replace('\n', ' '))));
    } catch (RuntimeException e) {
      throw new RenderException(List.of(Problem.at(sourceOf(path, 0), "", "cannot render: " + e.getMessage())));
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    List<TemplateError> errors = interpreter.getErrors();
    for (TemplateError error : errors.subList(errorsBefore, errors.size())) {
      if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
        problems.add(Problem.at(sourceOf(path, error.getLineno()), "", describe(error)));
      }
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return output;
  }

  private Parsed parse(String path) {
    JinjavaInterpreter interpreter = jinjava.newInterpreter();
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      Node tree = interpreter.parse(blueprints.get(path));
      List<TemplateError> fatal = interpreter.getErrors().stream()
          .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).toList();
      return new Parsed(tree, fatal);
    } finally {
      JinjavaInterpreter.popCurrent();
    }
  }

  private SourceLocation sourceOf(String path, int line) {
    String file = overridden.contains(path) ? "templates/" + path : "(built-in blueprint) " + path;
    return new SourceLocation(file, Math.max(line, 0), line > 0 ? 1 : 0);
  }

  private static String describe(TemplateError error) {
    String message = error.getMessage() == null ? error.getReason().toString() : error.getMessage();
    if (error.getReason() == TemplateError.ErrorReason.UNKNOWN && error.getFieldName() != null) {
      message = "unknown variable '" + error.getFieldName() + "': " + message;
    }
    return message.replace('\n', ' ');
  }

  /** The classpath resources of the built-in blueprints, the index first. */
  public static List<String> builtInResources() {
    List<String> resources = new ArrayList<>(List.of(INDEX));
    builtInPaths().forEach(path -> resources.add("/blueprints/" + path));
    return resources;
  }

  private static List<String> builtInPaths() {
    List<String> paths = new ArrayList<>();
    for (String line : readResource(INDEX).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        paths.add(line.strip());
      }
    }
    return paths;
  }

  private static String readBuiltIn(String path) {
    return readResource("/blueprints/" + path);
  }

  public static String readResource(String resource) {
    try (InputStream in = BlueprintEngine.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new InternalException("missing from the build: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InternalException("cannot read " + resource + " from the build", e);
    }
  }
}
