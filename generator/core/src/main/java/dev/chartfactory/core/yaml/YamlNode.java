package dev.chartfactory.core.yaml;

import dev.chartfactory.core.error.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so that every later stage can point a user
 * back at the line of their spec. Maps keep the order they were written in.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  SourceLocation location();

  /** A short name of the node's YAML type, for messages: "a map", "a list", "a string"... */
  String kindName();

  /** A map whose keys are strings (other key types are rejected when loading). */
  record Mapping(SourceLocation location, Map<String, Entry> entries) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    public YamlNode get(String key) {
      Entry entry = entries.get(key);
      return entry == null ? null : entry.value();
    }

    @Override
    public String kindName() {
      return "a map";
    }
  }

  /** One key of a {@link Mapping}: where the key stands and its value. */
  record Entry(SourceLocation keyLocation, YamlNode value) {}

  record Sequence(SourceLocation location, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }

  /**
   * A plain value. {@code type} is what YAML 1.1 core resolution made of it; {@code text} is the
   * value as written (without quotes).
   */
  record Scalar(SourceLocation location, ScalarType type, String text) implements YamlNode {
    @Override
    public String kindName() {
      return switch (type) {
        case STRING -> "a string";
        case INTEGER -> "an integer";
        case FLOAT -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "null";
      };
    }
  }

  enum ScalarType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }
}
