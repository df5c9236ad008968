package dev.chartfactory.core.load;

import dev.chartfactory.core.check.SchemaChecker;
import dev.chartfactory.core.check.SpecKind;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.spec.AppSpec;
import dev.chartfactory.core.spec.BlueprintParams;
import dev.chartfactory.core.spec.ConfigRepo;
import dev.chartfactory.core.spec.EnvironmentSpec;
import dev.chartfactory.core.spec.FactorySpec;
import dev.chartfactory.core.spec.InstanceSpec;
import dev.chartfactory.core.spec.RepoLayout;
import dev.chartfactory.core.yaml.YamlNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads every spec file of a config repo, checks each against its JSON Schema and binds it to
 * spec records. Problems in all files are collected and reported together.
 *
 * <p>Layout: {@code factory.yaml}, {@code environments/<env>.yaml},
 * {@code apps/<app>/app.yaml}, {@code apps/<app>/instances/<env>.yaml} (or the same under
 * {@code services/}, for repos that keep an app's code beside its spec), and blueprint
 * overrides under {@code templates/<type>/}.
 */
public final class SpecLoader {

  public static final String FACTORY_FILE = RepoLayout.FACTORY_FILE;
  private static final Pattern ENVIRONMENT = RepoLayout.ENVIRONMENT_FILE;
  private static final Pattern APP = RepoLayout.APP_FILE;
  private static final Pattern INSTANCE = RepoLayout.INSTANCE_FILE;
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final long MAX_TEMPLATE_BYTES = 512 * 1024;

  private final SafeYamlReader reader;
  private final Supplier<SchemaChecker> schemaChecker;
  private final SpecBinder binder = new SpecBinder();

  public SpecLoader(YamlLimits limits, SchemaChecker schemaChecker) {
    this(limits, () -> schemaChecker);
  }

  /** {@code schemaChecker} is asked for only after the files are parsed (see {@link SchemaChecker#compiling()}). */
  public SpecLoader(YamlLimits limits, Supplier<SchemaChecker> schemaChecker) {
    this.reader = new SafeYamlReader(limits);
    this.schemaChecker = schemaChecker;
  }

  public SpecLoader() {
    this(YamlLimits.DEFAULT, SchemaChecker.compiling());
  }

  /** Loads the whole repo or throws a {@link SpecException} listing every problem found. */
  public ConfigRepo load(SpecSource source) {
    List<Problem> problems = new ArrayList<>();
    List<String> files = source.files();
    FactorySpec factory = null;
    SortedMap<String, EnvironmentSpec> environments = new TreeMap<>();
    SortedMap<String, AppSpec> apps = new TreeMap<>();
    SortedMap<String, SortedMap<String, InstanceSpec>> instances = new TreeMap<>();
    SortedMap<String, String> templates = new TreeMap<>();

    if (!files.contains(FACTORY_FILE)) {
      problems.add(Problem.at(SourceLocation.ofFile(FACTORY_FILE), "",
          "not found in " + source.describe()
              + " (expected the config repo root; perhaps --repo points at the wrong folder?)"));
    }
    // Parsing and schema checks are independent per file: spread them over the cores. The
    // schemas are needed only in the second pass, so they may still be compiling in the first.
    Map<String, SpecKind> kinds = new java.util.HashMap<>();
    for (String file : files) {
      SpecKind kind = kindOf(file);
      if (kind != null) {
        kinds.put(file, kind);
      }
    }
    Map<String, CachedParse> read = kinds.keySet().parallelStream()
        .collect(Collectors.toConcurrentMap(file -> file, file -> readCached(source, file)));
    SchemaChecker checker = schemaChecker.get();
    Map<String, Parsed> parsed = read.entrySet().parallelStream()
        .collect(Collectors.toConcurrentMap(Map.Entry::getKey, entry -> {
          SpecKind kind = kinds.get(entry.getKey());
          return prebound(entry.getKey(), kind, checkedCached(entry.getKey(), kind, entry.getValue(), checker));
        }));
    cache.keySet().retainAll(parsed.keySet());
    for (String file : files) {
      Matcher m;
      if (file.equals(FACTORY_FILE)) {
        YamlNode.Mapping root = parsed.get(file).root(problems);
        if (root != null) {
          factory = parsed.get(file).bind(binder::factory);
        }
      } else if ((m = ENVIRONMENT.matcher(file)).matches()) {
        String name = m.group(1);
        if (!validName(file, name, "environment file name", problems)) {
          continue;
        }
        YamlNode.Mapping root = parsed.get(file).root(problems);
        if (root != null) {
          EnvironmentSpec environment = parsed.get(file).bind(binder::environment);
          if (!name.equals(environment.name())) {
            problems.add(Problem.at(environment.origin().of("name"), "name", "'"
                + environment.name() + "' does not match the file name (expected '" + name + "')"));
          } else {
            environments.put(name, environment);
          }
        }
      } else if ((m = APP.matcher(file)).matches()) {
        String name = m.group(1);
        if (!validName(file, name, "app folder name", problems)) {
          continue;
        }
        YamlNode.Mapping root = parsed.get(file).root(problems);
        if (root != null) {
          AppSpec app = parsed.get(file).bind(binder::app);
          if (!name.equals(app.name())) {
            problems.add(Problem.at(app.origin().of("name"), "name", "'" + app.name()
                + "' does not match its folder " + file.substring(0, file.indexOf('/')) + "/" + name
                + "/ (expected '" + name + "')"));
          } else if (apps.containsKey(name)) {
            problems.add(Problem.at(app.origin().of("name"), "name", "app '" + name
                + "' is also defined in " + apps.get(name).origin().file() + " (expected one spec per app)"));
          } else {
            apps.put(name, app);
          }
        }
      } else if ((m = INSTANCE.matcher(file)).matches()) {
        String app = m.group(1);
        String environment = m.group(2);
        if (!validName(file, app, "app folder name", problems)
            || !validName(file, environment, "instance file name", problems)) {
          continue;
        }
        YamlNode.Mapping root = parsed.get(file).root(problems);
        if (root != null) {
          InstanceSpec earlier = instances.computeIfAbsent(app, a -> new TreeMap<>())
              .putIfAbsent(environment, parsed.get(file).bind(r -> binder.instance(app, environment, r)));
          if (earlier != null) {
            problems.add(Problem.at(SourceLocation.ofFile(file), "", "a second instance of app '" + app
                + "' for environment '" + environment + "' (first: " + earlier.origin().file()
                + "; expected one file per app and environment)"));
          }
        }
      } else if (file.startsWith(RepoLayout.TEMPLATES + "/")) {
        readTemplate(source, file, templates, problems);
      }
    }
    Set<String> appFolders = files.stream().map(APP::matcher).filter(Matcher::matches)
        .map(m -> m.group(1)).collect(Collectors.toSet());
    List<String> environmentFiles = files.stream().map(ENVIRONMENT::matcher)
        .filter(Matcher::matches).map(m -> m.group(1)).toList();
    checkInstancesMatch(environmentFiles, appFolders, instances, problems);
    checkParams(files, parsed, apps, templates, checker, problems);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return new ConfigRepo(factory, environments, apps, instances, templates);
  }

  /**
   * A parsed file: its root, or the problems that stopped it; once schema-checked, also the spec
   * record bound from it (kept with the parse, so an unchanged file is not bound again).
   */
  private static final class Parsed {
    private final YamlNode.Mapping root;
    private final List<Problem> problems;
    private final boolean checked;
    private volatile Object bound;

    Parsed(YamlNode.Mapping root, List<Problem> problems, boolean checked) {
      this.root = root;
      this.problems = problems;
      this.checked = checked;
    }

    YamlNode.Mapping root(List<Problem> collect) {
      collect.addAll(problems);
      return root;
    }

    @SuppressWarnings("unchecked")
    <T> T bind(java.util.function.Function<YamlNode.Mapping, T> binder) {
      Object value = bound;
      if (value == null) {
        value = binder.apply(root);
        bound = value;
      }
      return (T) value;
    }
  }

  /**
   * The parse with its spec record bound already, so binding, too, runs on every core; the
   * loader's own pass then finds it done. A binding that fails is left to that pass, which
   * reports it in order with everything else.
   */
  private Parsed prebound(String file, SpecKind kind, Parsed parsed) {
    if (parsed.root == null) {
      return parsed;
    }
    try {
      Matcher instance;
      switch (kind) {
        case FACTORY -> parsed.bind(binder::factory);
        case ENVIRONMENT -> parsed.bind(binder::environment);
        case APP -> parsed.bind(binder::app);
        case INSTANCE -> {
          if ((instance = INSTANCE.matcher(file)).matches()) {
            String app = instance.group(1);
            String environment = instance.group(2);
            parsed.bind(r -> binder.instance(app, environment, r));
          }
        }
        default -> { }
      }
    } catch (RuntimeException e) {
      // Reported by the loader's ordered pass, which binds again.
    }
    return parsed;
  }

  /** A file's parse and the fingerprint it was read at; cached once checked, while the fingerprint holds. */
  private record CachedParse(String fingerprint, Parsed parsed) {}

  private final Map<String, CachedParse> cache = new java.util.concurrent.ConcurrentHashMap<>();

  /** The cached parse of an unchanged file, else the file read and parsed as YAML, unchecked. */
  private CachedParse readCached(SpecSource source, String file) {
    String fingerprint = source.fingerprint(file);
    CachedParse cached = cache.get(file);
    if (fingerprint != null && cached != null && cached.fingerprint().equals(fingerprint)) {
      return cached;
    }
    List<Problem> problems = new ArrayList<>();
    YamlNode.Mapping root = read(source, file, problems);
    return new CachedParse(fingerprint, new Parsed(root, List.copyOf(problems), false));
  }

  private Parsed checkedCached(String file, SpecKind kind, CachedParse read, SchemaChecker checker) {
    Parsed parsed = read.parsed();
    if (parsed.checked) {
      return parsed;
    }
    List<Problem> schemaProblems = parsed.root == null ? List.of() : checker.check(kind, parsed.root);
    Parsed checked = schemaProblems.isEmpty() ? new Parsed(parsed.root, parsed.problems, true)
        : new Parsed(null, List.copyOf(schemaProblems), true);
    if (read.fingerprint() != null) {
      cache.put(file, new CachedParse(read.fingerprint(), checked));
    }
    return checked;
  }

  private static SpecKind kindOf(String file) {
    if (file.equals(FACTORY_FILE)) {
      return SpecKind.FACTORY;
    }
    if (ENVIRONMENT.matcher(file).matches()) {
      return SpecKind.ENVIRONMENT;
    }
    if (APP.matcher(file).matches()) {
      return SpecKind.APP;
    }
    return INSTANCE.matcher(file).matches() ? SpecKind.INSTANCE : null;
  }

  private YamlNode.Mapping read(SpecSource source, String file, List<Problem> problems) {
    try {
      reader.checkSize(file, source.size(file));
      YamlNode node = reader.read(file, decode(file, source.read(file)));
      if (node == null) {
        problems.add(Problem.at(SourceLocation.ofFile(file), "", "file is empty (expected a map)"));
        return null;
      }
      if (!(node instanceof YamlNode.Mapping root)) {
        problems.add(Problem.at(node.location(), "",
            "the document is " + node.kindName() + " (expected a map of fields)"));
        return null;
      }
      return root;
    } catch (SpecException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static String decode(String file, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      // The decoder stops at the first bad byte; what it decoded before gives line and column.
      String before = out.flip().toString();
      int lineStart = before.lastIndexOf('\n') + 1;
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.codePointCount(lineStart, before.length()) + 1;
      throw SpecException.of(Problem.at(new SourceLocation(file, line, column), "",
          String.format("is not valid UTF-8 text: byte 0x%02x here is not part of a UTF-8 character"
              + " (expected a YAML file in UTF-8; was it saved as Latin-1?)", bytes[in.position()] & 0xff)));
    }
    return out.flip().toString();
  }

  private void readTemplate(SpecSource source, String file, SortedMap<String, String> templates,
      List<Problem> problems) {
    long size = source.size(file);
    if (size > MAX_TEMPLATE_BYTES) {
      problems.add(Problem.at(SourceLocation.ofFile(file), "", "template is " + size
          + " bytes (expected at most " + MAX_TEMPLATE_BYTES + ")"));
      return;
    }
    try {
      templates.put(file.substring(RepoLayout.TEMPLATES.length() + 1), decode(file, source.read(file)));
    } catch (SpecException e) {
      problems.addAll(e.problems());
    }
  }

  // --- blueprint parameters (#15) ---
  /**
   * Each component's {@code params} against what the blueprint of its type declares in
   * {@code templates/<type>/params.schema.json}, with the file and line of the spec.
   */
  private static void checkParams(List<String> files, Map<String, Parsed> parsed, Map<String, AppSpec> apps,
      Map<String, String> templates, SchemaChecker checker, List<Problem> problems) {
    Map<String, BlueprintParams> declared = BlueprintParams.declaredIn(templates);
    declared.values().stream().filter(d -> d.problem() != null).forEach(d ->
        problems.add(Problem.at(d.problemLine() > 0 ? new SourceLocation(d.file(), d.problemLine(), 1)
            : SourceLocation.ofFile(d.file()), "", d.problem())));
    for (String file : files) {
      Matcher m = APP.matcher(file);
      if (!m.matches() || !apps.containsKey(m.group(1)) || !apps.get(m.group(1)).origin().file().equals(file)) {
        continue;
      }
      YamlNode.Mapping root = parsed.get(file).root(new ArrayList<>());
      if (root == null || !(root.get("components") instanceof YamlNode.Mapping components)) {
        continue;
      }
      components.entries().forEach((name, entry) -> {
        if (!(entry.value() instanceof YamlNode.Mapping component)
            || !(component.get("params") instanceof YamlNode.Mapping params)
            || !(component.get("type") instanceof YamlNode.Scalar type)) {
          return;
        }
        String field = "components." + name + ".params";
        BlueprintParams declaration = declared.get(type.text());
        if (declaration == null) {
          problems.add(new Problem(component.entries().get("params").keyLocation(), field,
              "the " + type.text() + " blueprint declares no params (expected none here)",
              "declare them in " + RepoLayout.TEMPLATES + "/" + type.text() + "/" + BlueprintParams.FILE_NAME));
        } else if (declaration.schema() != null) {
          problems.addAll(checker.checkParams(declaration, params, field));
        }
      });
    }
  }
  // --- end blueprint parameters ---

  private static boolean validName(String file, String name, String what, List<Problem> problems) {
    if (name.length() <= 63 && DNS_LABEL.matcher(name).matches()) {
      return true;
    }
    problems.add(Problem.at(SourceLocation.ofFile(file), "", what + " '" + name
        + "' is not a DNS-1123 label (expected lower-case letters, digits and '-', at most 63)"));
    return false;
  }

  private static void checkInstancesMatch(List<String> environments, Set<String> apps, SortedMap<String, SortedMap<String, InstanceSpec>> instances,
      List<Problem> problems) {
    instances.forEach((app, byEnvironment) -> byEnvironment.forEach((environment, instance) -> {
      if (!apps.contains(app)) {
        problems.add(Problem.at(SourceLocation.ofFile(instance.origin().file()), "",
            "instance of app '" + app + "', which has no apps/" + app + "/app.yaml"));
      }
      if (!environments.contains(environment)) {
        problems.add(new Problem(SourceLocation.ofFile(instance.origin().file()), "",
            "instance for environment '" + environment + "', which does not exist (expected one of: "
                + String.join(", ", environments) + ")",
            Suggestions.hint(environment, environments)));
      }
    }));
  }
}
