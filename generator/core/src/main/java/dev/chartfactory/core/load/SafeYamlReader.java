package dev.chartfactory.core.load;

import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.yaml.YamlNode;
import dev.chartfactory.core.yaml.YamlNode.Entry;
import dev.chartfactory.core.yaml.YamlNode.ScalarType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Parses one YAML document into a located {@link YamlNode} tree, safely: no Java object
 * construction at all (only SnakeYAML's composer runs), bounded aliases, nesting, size and node
 * count, and duplicate keys rejected.
 */
final class SafeYamlReader {

  /** Fields whose value (a string, or a list of strings) is text that may span lines. */
  private static final java.util.Set<String> MULTI_LINE_FIELDS = java.util.Set.of("description", "command", "args");
  /** Maps whose values are such text. */
  private static final java.util.Set<String> MULTI_LINE_MAPS = java.util.Set.of("env", "podAnnotations", "annotations");
  private static final String MULTI_LINE_DESCRIPTION = "description, command, args and the values of env and annotations";

  private final YamlLimits limits;

  public SafeYamlReader(YamlLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads {@code text} that came from {@code file} (a repo-relative path used in messages).
   * Returns null for an empty document.
   */
  public YamlNode read(String file, String text) {
    if (text.length() > limits.maxFileBytes()) {
      throw SpecException.of(tooLarge(file, text.length()));
    }
    rejectRawNextLine(file, text);
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    Node root;
    StreamReader stream = new StreamReader(new StringReader(text));
    try {
      // The composer alone: no Yaml facade, no constructor, so no Java objects are ever built.
      Composer composer = new Composer(new ParserImpl(stream, options), PlainScalarResolver.INSTANCE, options);
      root = composer.checkNode() ? composer.getNode() : null;
      if (composer.checkNode()) {
        Node second = composer.getNode();
        throw SpecException.of(Problem.at(location(file, second.getStartMark()), "",
            "a spec file holds one YAML document (found a second '---' document)"));
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourceLocation at = mark == null ? SourceLocation.ofFile(file) : location(file, mark);
      throw SpecException.of(Problem.at(at, "", "malformed YAML: " + describe(e)));
    } catch (YAMLException e) {
      // Limits are checked as the composer reads, without a mark: where the reader stands is just
      // past the alias or bracket that went over.
      throw SpecException.of(Problem.at(location(file, stream.getMark()), "", overLimit(e)));
    } catch (StackOverflowError e) {
      throw SpecException.of(Problem.at(location(file, stream.getMark()), "", nestedTooDeep()));
    }
    return root == null ? null : new Converter(file).convert(root, 0, false);
  }

  private String overLimit(YAMLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("Number of aliases")) {
      return "more than " + limits.maxAliases() + " aliases to lists or maps in one file (a YAML bomb?;"
          + " expected at most " + limits.maxAliases() + ")";
    }
    if (message.startsWith("Nesting Depth")) {
      return nestedTooDeep();
    }
    return "YAML refused: " + message.replace('\n', ' ') + " (limits: " + limits.maxAliases() + " aliases, depth "
        + limits.maxNestingDepth() + ", " + limits.maxFileBytes() + " bytes)";
  }

  private String nestedTooDeep() {
    return "lists and maps nested deeper than " + limits.maxNestingDepth() + " levels (expected at most "
        + limits.maxNestingDepth() + ")";
  }

  private Problem tooLarge(String file, long size) {
    return Problem.at(SourceLocation.ofFile(file), "",
        "file is " + size + " bytes, larger than the " + limits.maxFileBytes()
            + "-byte limit for a spec file (expected a hand-written spec, not generated data)");
  }

  /** The file-size check for callers that know the size before reading the bytes. */
  public void checkSize(String file, long size) {
    if (size > limits.maxFileBytes()) {
      throw SpecException.of(tooLarge(file, size));
    }
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String text = context.isEmpty() ? problem : problem + " (" + context + ")";
    return text.replace('\n', ' ').trim();
  }

  static SourceLocation location(String file, Mark mark) {
    return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Converts composer nodes to located nodes, expanding aliases with a node budget. */
  private final class Converter {
    private final String file;
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
    private int nodes;

    Converter(String file) {
      this.file = file;
    }

    /** @param multiLine whether a newline is allowed in this value (see {@link #MULTI_LINE_FIELDS}) */
    YamlNode convert(Node node, int depth, boolean multiLine) {
      if (++nodes > limits.maxNodes()) {
        throw SpecException.of(Problem.at(location(file, node.getStartMark()), "",
            "document expands to more than " + limits.maxNodes()
                + " values (aliases used as a YAML bomb?)"));
      }
      YamlNode done = converted.get(node);
      if (done != null) {
        // An alias: the same subtree again. Count its size against the budget.
        nodes += countNodes(done);
        return done;
      }
      SourceLocation at = location(file, node.getStartMark());
      YamlNode result;
      if (node instanceof ScalarNode scalar) {
        rejectControlCharacters(at, scalar.getValue(), multiLine);
        result = new YamlNode.Scalar(at, scalarType(scalar), scalar.getValue());
      } else if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          items.add(convert(item, depth + 1, multiLine));
        }
        result = new YamlNode.Sequence(at, items);
      } else {
        result = convertMapping((MappingNode) node, at, depth, multiLine);
      }
      converted.put(node, result);
      return result;
    }

    /** @param multiLineValues whether the values of this map may hold newlines (an env map) */
    private YamlNode convertMapping(MappingNode mapping, SourceLocation at, int depth, boolean multiLineValues) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      Map<String, Entry> merged = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        SourceLocation keyAt = location(file, keyNode.getStartMark());
        if (!(keyNode instanceof ScalarNode key)) {
          throw SpecException.of(Problem.at(keyAt, "", "a map key must be a plain string"));
        }
        rejectControlCharacters(keyAt, key.getValue(), false);
        if (Tag.MERGE.equals(key.getTag()) || "<<".equals(key.getValue())) {
          collectMerge(tuple.getValueNode(), merged, depth);
          continue;
        }
        if (entries.containsKey(key.getValue())) {
          SourceLocation first = entries.get(key.getValue()).keyLocation();
          throw SpecException.of(Problem.at(keyAt, key.getValue(),
              "duplicate key (first given at line " + first.line() + ")"));
        }
        Node valueNode = tuple.getValueNode();
        boolean multiLine = valueNode instanceof MappingNode ? MULTI_LINE_MAPS.contains(key.getValue())
            : multiLineValues || MULTI_LINE_FIELDS.contains(key.getValue());
        entries.put(key.getValue(), new Entry(keyAt, convert(valueNode, depth + 1, multiLine)));
      }
      // Keys written in the map win over merged ones, as YAML's merge key says.
      merged.forEach(entries::putIfAbsent);
      return new YamlNode.Mapping(at, entries);
    }

    private void collectMerge(Node value, Map<String, Entry> merged, int depth) {
      List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
      for (Node source : sources) {
        YamlNode node = convert(source, depth + 1, false);
        if (!(node instanceof YamlNode.Mapping map)) {
          throw SpecException.of(Problem.at(node.location(), "<<",
              "a merge key takes a map or a list of maps (found " + node.kindName() + ")"));
        }
        map.entries().forEach(merged::putIfAbsent);
      }
    }

    private int countNodes(YamlNode node) {
      if (node instanceof YamlNode.Mapping map) {
        int total = 1;
        for (Entry entry : map.entries().values()) {
          total += countNodes(entry.value());
          if (nodes + total > limits.maxNodes()) {
            return total;
          }
        }
        return total;
      }
      if (node instanceof YamlNode.Sequence seq) {
        int total = 1;
        for (YamlNode item : seq.items()) {
          total += countNodes(item);
          if (nodes + total > limits.maxNodes()) {
            return total;
          }
        }
        return total;
      }
      return 1;
    }
  }

  /**
   * Refuses control characters in a value: Helm refuses or rewrites them later (Go's YAML
   * writer escapes or drops C1 and DEL, NEL is a line break to YAML 1.1 readers, a bare CR is
   * normalised), so the value would not reach the cluster as written. Tab is allowed everywhere,
   * newline only in fields meant to hold text.
   */
  private static void rejectControlCharacters(SourceLocation at, String value, boolean multiLine) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = (c < 0x20 && c != '\t' && !(c == '\n' && multiLine)) || (c >= 0x7f && c <= 0x9f);
      if (c == '\uFEFF') {
        // Go's YAML stops at a raw byte order mark inside a document, and the one YAML writer
        // (SnakeYAML) writes it raw even in a double-quoted scalar: the chart would not load.
        throw SpecException.of(Problem.at(at, "", String.format(
            "U+FEFF (byte order mark, zero-width no-break space) at offset %d of the value is not allowed"
                + " (Helm's YAML reader stops at it); expected printable text, use U+2060 (word joiner)"
                + " for a zero-width no-break", i)));
      }
      if (c == '\u2028' || c == '\u2029') {
        // Helm's toYaml (how templates print lists and maps: command, args, annotations) writes
        // them raw in a block scalar, and its own YAML reader then fails on the manifest.
        throw SpecException.of(Problem.at(at, "", String.format(
            "U+%04X (%s separator) at offset %d of the value is not allowed (Helm's toYaml writes it so that"
                + " its own reader fails); expected printable text, and newline only in %s",
            (int) c, c == '\u2028' ? "line" : "paragraph", i, MULTI_LINE_DESCRIPTION)));
      }
      if (control) {
        throw SpecException.of(Problem.at(at, "", String.format(
            "control character U+%04X at offset %d of the value is not allowed (Helm refuses or changes it);"
                + " expected printable text, tab, and newline only in %s", (int) c, i, MULTI_LINE_DESCRIPTION)));
      }
    }
  }

  /** A NEL (U+0085) in the text is a line break to YAML 1.1 readers: the value would change. */
  private static void rejectRawNextLine(String file, String text) {
    int at = text.indexOf('\u0085');
    if (at < 0) {
      return;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw SpecException.of(Problem.at(new SourceLocation(file, line, at - lineStart + 1), "",
        "control character U+0085 (NEL) is not allowed (YAML 1.1 readers such as Helm's take it for a line break);"
            + " expected printable text"));
  }

  private static ScalarType scalarType(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    if (Tag.INT.equals(tag)) {
      return ScalarType.INTEGER;
    }
    if (Tag.FLOAT.equals(tag)) {
      return ScalarType.FLOAT;
    }
    if (Tag.BOOL.equals(tag)) {
      return ScalarType.BOOLEAN;
    }
    if (Tag.NULL.equals(tag)) {
      return ScalarType.NULL;
    }
    return ScalarType.STRING;
  }
}
