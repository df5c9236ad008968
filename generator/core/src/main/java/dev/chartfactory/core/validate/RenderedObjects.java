package dev.chartfactory.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@code helm template} output read once, document by document, the way Kubernetes reads YAML
 * (safe types only, timestamps stay strings), with the {@code # Source:} template of each.
 * Validation, policy checks and diffs all read rendered objects through here.
 */
public final class RenderedObjects {

  private static final Pattern SOURCE = Pattern.compile("^# Source: (.+?)\\s*$", Pattern.MULTILINE);
  private static final Pattern SEPARATOR = Pattern.compile("^---[ \\t]*(#.*)?$", Pattern.MULTILINE);
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(RenderedObjects::newYaml);

  private RenderedObjects() {}

  /**
   * One YAML document of the output.
   *
   * @param source the template it came from, or null
   * @param parsed what it holds (a map for a Kubernetes object), or null when empty or invalid
   * @param error why it is not valid YAML, or null
   */
  public record Document(String source, Object parsed, String error) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> object() {
      return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }
  }

  /** Every non-empty document, in order. */
  public static List<Document> documents(String helmOutput) {
    List<Document> documents = new ArrayList<>();
    Yaml yaml = YAML.get();
    for (String text : SEPARATOR.split(helmOutput)) {
      Matcher matcher = SOURCE.matcher(text);
      String source = matcher.find() ? matcher.group(1) : null;
      try {
        Object parsed = yaml.load(text);
        if (parsed != null) {
          documents.add(new Document(source, parsed, null));
        }
      } catch (YAMLException e) {
        documents.add(new Document(source, null, e.getMessage().replace('\n', ' ')));
      }
    }
    return documents;
  }

  /** The Kubernetes objects (YAML mappings) of the output, in order. */
  public static List<Map<String, Object>> objects(String helmOutput) {
    return objects(documents(helmOutput));
  }

  public static List<Map<String, Object>> objects(List<Document> documents) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Document document : documents) {
      if (document.object() != null) {
        objects.add(document.object());
      }
    }
    return objects;
  }

  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setCodePointLimit(10 * 1024 * 1024);
    Resolver noTimestamps = new Resolver() {
      @Override
      public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        if (!Tag.TIMESTAMP.equals(tag)) {
          super.addImplicitResolver(tag, regexp, first, limit);
        }
      }
    };
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, noTimestamps);
  }
}
