package dev.chartfactory.core.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.errorcategory.BasicTemplateErrorCategory;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.fn.Functions;
import com.hubspot.jinjava.tree.Node;
import dev.chartfactory.core.error.InternalException;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.RenderException;
import dev.chartfactory.core.error.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders blueprints with Jinjava, sandboxed: strict about unknown variables, no nested
 * interpretation of values (a spec value that looks like a template stays text), bounded output
 * and depth. Blueprints come from the generator's classpath, overridden file by file by the
 * config repo's {@code templates/} folder.
 */
public final class BlueprintEngine {

  private static final String INDEX = "/blueprints/index.txt";
  private static final long MAX_OUTPUT = 2L * 1024 * 1024;
  static final int RANGE_LIMIT = 1000;
  static final int MAX_MACRO_DEPTH = 32;

  private final Jinjava jinjava;
  private final RenderMeter meter;
  private final SortedMap<String, String> blueprints = new TreeMap<>();
  private final java.util.Set<String> overridden = new TreeSet<>();

  /**
   * With the render budget the environment sets ({@link RenderBudget#fromEnvironment()}).
   *
   * @param overrides files from the config repo's templates/ folder, by path below it
   */
  public BlueprintEngine(Map<String, String> overrides) {
    this(overrides, RenderBudget.fromEnvironment());
  }

  /**
   * @param overrides files from the config repo's templates/ folder, by path below it
   * @param budget what one render of one blueprint may take
   */
  public BlueprintEngine(Map<String, String> overrides, RenderBudget budget) {
    for (String path : builtInPaths()) {
      blueprints.put(path, readBuiltIn(path));
    }
    overrides.forEach((path, text) -> {
      if (path.endsWith(".j2")) {
        blueprints.put(path, text);
        overridden.add(path);
      }
    });
    meter = new RenderMeter(budget);
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
        // Recursion is allowed but bounded: with it off, Jinjava only warns about a macro that
        // calls itself and renders the call as nothing; with it on, the depth bounds every chain
        // of nested macro calls (the Java stack included), and going over is an error below.
        .withEnableRecursiveMacroCalls(true)
        .withMaxMacroRecursionDepth(MAX_MACRO_DEPTH)
        // One more than we allow: Jinjava cuts a longer range short without a word, so our range
        // asks for one extra number to tell "exactly the limit" from "more than the limit".
        .withRangeLimit(RANGE_LIMIT + 1)
        .withProcessors(JinjavaProcessors.newBuilder().withNodePreProcessor(meter).build())
        .build();
    jinjava = new Jinjava(config);
    jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition(
        "", "range", BlueprintEngine.class, "range", Object.class, Object[].class));
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
      problems.add(Problem.at(sourceOf(path, error.getLineno(), error.getStartPosition()), "", describe(error)));
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    // One interpreter per thread, a fresh scope per render: creating an interpreter (its
    // context registers every tag and filter) costs more than rendering a small blueprint.
    JinjavaInterpreter interpreter = interpreters.get();
    int errorsBefore = interpreter.getErrors().size();
    JinjavaInterpreter.pushCurrent(interpreter);
    String output = null;
    RuntimeException failure = null;
    RenderMeter.Overrun overrun;
    try (RenderMeter.Run run = meter.start(interpreter);
        JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
      interpreter.getContext().putAll(context);
      try {
        output = interpreter.render(template.tree(), true);
      } catch (RuntimeException e) {
        failure = e;
      } catch (StackOverflowError e) {
        failure = new InterpretException("the blueprint nests too deeply to render (expected fewer nested tags)",
            interpreter.getLineNumber(), interpreter.getPosition());
      }
      overrun = run.overrun();
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    List<TemplateError> errors = interpreter.getErrors();
    List<TemplateError> recorded = List.copyOf(errors.subList(errorsBefore, errors.size()));
    // This thread's next render reuses the interpreter, which keeps at most 100 errors and drops
    // one equal to an error it holds: left in place, these would hide the next render's errors.
    for (int i = errorsBefore; i < errors.size(); i++) {
      interpreter.removeLastError();
    }
    if (overrun != null) {
      throw new RenderException(List.of(Problem.at(sourceOf(path, overrun.line(), overrun.column()), "",
          overrun.message())));
    }
    // What the stop made the rest of the render record is an echo of the error that stopped it.
    if (failure instanceof InterpretException e && !RenderMeter.RenderStoppedException.isCauseOf(e)) {
      problems.add(Problem.at(sourceOf(path, e.getLineNumber(), e.getStartPosition()), "",
          e.getMessage().replace('\n', ' ')));
    } else if (failure != null && !RenderMeter.RenderStoppedException.isCauseOf(failure)) {
      problems.add(Problem.at(sourceOf(path, 0, 0), "", "cannot render: " + failure.getMessage()));
    }
    for (TemplateError error : recorded) {
      if (RenderMeter.spoilsTheOutput(error) && !RenderMeter.RenderStoppedException.isCauseOf(error.getException())) {
        problems.add(Problem.at(sourceOf(path, error.getLineno(), error.getStartPosition()), "", describe(error)));
      }
    }
    if (!problems.isEmpty()) {
      throw new RenderException(problems);
    }
    return output;
  }

  /**
   * Jinjava's {@code range}, but a range longer than the limit is an error, where Jinjava's own
   * returns the first {@value #RANGE_LIMIT} numbers as if that were all.
   */
  public static List<Integer> range(Object start, Object... rest) {
    List<Integer> numbers = Functions.range(start, rest);
    if (numbers.size() > RANGE_LIMIT) {
      throw new InvalidArgumentException(JinjavaInterpreter.getCurrent(), "range",
          "range(" + start + Arrays.stream(rest).map(arg -> ", " + arg).collect(Collectors.joining())
              + ") has more than " + RANGE_LIMIT + " numbers (expected at most " + RANGE_LIMIT + ")");
    }
    return numbers;
  }

  private Parsed parse(String path) {
    JinjavaInterpreter interpreter = jinjava.newInterpreter();
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      Node tree = interpreter.parse(blueprints.get(path));
      List<TemplateError> fatal = interpreter.getErrors().stream()
          .filter(RenderMeter::spoilsTheOutput).toList();
      return new Parsed(tree, fatal);
    } finally {
      JinjavaInterpreter.popCurrent();
    }
  }

  private SourceLocation sourceOf(String path, int line, int column) {
    String file = overridden.contains(path) ? "templates/" + path : "(built-in blueprint) " + path;
    return new SourceLocation(file, Math.max(line, 0), line > 0 ? Math.max(column, 1) : 0);
  }

  private static String describe(TemplateError error) {
    String message = error.getMessage() == null ? error.getReason().toString() : error.getMessage();
    if (error.getReason() == TemplateError.ErrorReason.UNKNOWN && error.getFieldName() != null) {
      message = "unknown variable '" + error.getFieldName() + "': " + message;
    }
    if (error.getCategory() == BasicTemplateErrorCategory.CYCLE_DETECTED) {
      message = "macro '" + error.getCategoryErrors().get("name") + "' is called more than " + MAX_MACRO_DEPTH
          + " macro calls deep (a recursion without an end?; expected at most " + MAX_MACRO_DEPTH + " nested macro calls)";
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
