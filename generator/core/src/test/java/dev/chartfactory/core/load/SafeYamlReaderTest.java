package dev.chartfactory.core.load;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.error.SpecException;
import dev.chartfactory.core.pipeline.Pipeline;
import dev.chartfactory.core.yaml.YamlNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeYamlReaderTest {

  private final SafeYamlReader reader = new SafeYamlReader(YamlLimits.DEFAULT);

  @TempDir Path temp;

  @Test
  void read_keepsLineAndColumnOfEveryValue() {
    YamlNode.Mapping root = (YamlNode.Mapping) reader.read("a.yaml", "name: shop\ncomponents:\n  web: {port: 80}\n");
    YamlNode.Mapping web = (YamlNode.Mapping) ((YamlNode.Mapping) root.get("components")).get("web");
    assertThat(web.get("port").location()).hasToString("a.yaml:3:15");
    assertThat(((YamlNode.Scalar) web.get("port")).type()).isEqualTo(YamlNode.ScalarType.INTEGER);
  }

  @Test
  void read_whenBillionLaughs_refusesWithoutExpanding() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
      previous = c;
    }
    assertThatThrownBy(() -> reader.read("apps/bomb/app.yaml", bomb.toString()))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("apps/bomb/app.yaml")
            .containsAnyOf("aliases", "YAML bomb"));
  }

  @Test
  void read_whenFewAliasesExpandHugely_stopsAtNodeBudget() {
    // Under the alias limit (10 aliases a level, 5 levels) but 10^5 values once expanded.
    SafeYamlReader small = new SafeYamlReader(new YamlLimits(1 << 20, 50, 64, 10_000));
    StringBuilder text = new StringBuilder("a: &a [1,2,3,4,5,6,7,8,9,10]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'e'; c++) {
      text.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        text.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      text.append("]\n");
      previous = c;
    }
    assertThatThrownBy(() -> small.read("x.yaml", text.toString()))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("1 problem")
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).message())
            .contains("more than 10000 values"));
  }

  @Test
  void read_whenNestedTooDeep_refusesAtTheLevelOverTheLimit() {
    String deep = "name: x\na: " + "[".repeat(200) + "]".repeat(200) + "\n";
    assertThatThrownBy(() -> reader.read("deep.yaml", deep))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("deep.yaml:2:").contains("nested deeper than 64 levels"));
  }

  @Test
  void read_whenAliasesExceedTheLimit_pointsAtTheAliasOverIt() {
    StringBuilder text = new StringBuilder("base: &base [1, 2]\n");
    for (int i = 1; i <= 60; i++) {
      text.append("copy").append(i).append(": *base\n");
    }
    assertThatThrownBy(() -> reader.read("aliases.yaml", text.toString()))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("aliases.yaml:52:").contains("more than 50 aliases"));
  }

  @Test
  void read_whenTwoDocuments_pointsAtTheSecond() {
    assertThatThrownBy(() -> reader.read("two.yaml", "a: 1\n---\nb: 2\n"))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("two.yaml:3:1: a spec file holds one YAML document"));
  }

  @Test
  void read_mergeKeys_areApplied() {
    YamlNode.Mapping root = (YamlNode.Mapping) reader.read("m.yaml",
        "base: &base {cpu: 1, memory: 2}\nthis:\n  <<: *base\n  memory: 3\n");
    YamlNode.Mapping merged = (YamlNode.Mapping) root.get("this");
    assertThat(merged.entries()).containsOnlyKeys("memory", "cpu");
    assertThat(((YamlNode.Scalar) merged.get("memory")).text()).isEqualTo("3");
  }

  @Test
  void load_when50MegabyteSpec_refusesBeforeReadingAndNamesTheFile() throws IOException {
    Path repo = TestRepos.baseRepo(temp.resolve("repo"));
    Path huge = repo.resolve("apps/shop/app.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding\n"
        .getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = Files.newOutputStream(huge)) {
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(repo)))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("apps/shop/app.yaml: file is 52428")
            .contains("larger than the 2097152-byte limit"));
    assertThat(Files.size(huge)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
  }

  @Test
  void load_whenFileIsNotUtf8_saysSo() throws IOException {
    Path repo = TestRepos.baseRepo(temp.resolve("latin1"));
    byte[] latin1 = "name: shop\ndescription: caf\u00e9 cr\u00e8me\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(repo.resolve("apps/shop/app.yaml"), latin1);
    assertThatThrownBy(() -> new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(repo)))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("1 problem")
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .isEqualTo("apps/shop/app.yaml:2:17: is not valid UTF-8 text: byte 0xe9 here is not"
                + " part of a UTF-8 character (expected a YAML file in UTF-8; was it saved as Latin-1?)"));
  }

  @Test
  void load_whenFactoryYamlMissing_suggestsWrongRepo() {
    Path empty = temp.resolve("empty");
    empty.toFile().mkdirs();
    assertThatThrownBy(() -> new Pipeline(PipelineListener.SILENT).resolve(new DirectorySpecSource(empty)))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("factory.yaml: not found in").contains("perhaps --repo"));
  }

  @Test
  void source_neverFollowsSymlinksOutOfTheRepo() throws IOException {
    Path repo = TestRepos.baseRepo(temp.resolve("links"));
    Path outside = Files.writeString(temp.resolve("secret.yaml"), "name: evil\ndomain: x.y\n");
    Files.createSymbolicLink(repo.resolve("environments/evil.yaml"), outside);
    assertThat(new DirectorySpecSource(repo).files()).doesNotContain("environments/evil.yaml");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "'name: shop\ndescription: \"bell \\a here\"\n'                | a.yaml:2:14 | U+0007",
      "'name: \"del \\x7f\"\n'                                         | a.yaml:1:7  | U+007F",
      "'name: \"csi \\x9b[31m\"\n'                                      | a.yaml:1:7  | U+009B",
      "'name: \"next \\N line\"\n'                                     | a.yaml:1:7  | U+0085",
      "'name: \"carriage \\r return\"\n'                               | a.yaml:1:7  | U+000D",
      "'name: \"two\\nlines\"\n'                                       | a.yaml:1:7  | U+000A",
      "'env:\n  \"A\\u0001\": x\n'                                     | a.yaml:2:3  | U+0001",
      "'components:\n  web: {env: {A: \"esc \\e[2J\"}}\n'               | a.yaml:2:18 | U+001B"})
  void read_whenAValueHoldsAControlCharacter_refusesAtItsLine(String yaml, String location, String character) {
    assertThatThrownBy(() -> reader.read("a.yaml", yaml))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith(location + ":").contains(character).contains("expected"));
  }

  @Test
  void read_whenARawNextLineIsInTheText_refusesAtItsLineAndColumn() {
    assertThatThrownBy(() -> reader.read("a.yaml", "name: shop\ndescription: a\u0085b\n"))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("a.yaml:2:15:").contains("U+0085"));
  }

  /** Helm's toYaml writes U+2028 and U+2029 so that its own reader fails (found by the property test). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "'env: {A: \"a\\u2029\"}\n' | U+2029", "'args: [\"x\\L\\ty\"]\n' | U+2028", "'description: \"a\\Pb\"\n' | U+2029"})
  void read_whenAValueHoldsAUnicodeLineSeparator_refusesAtItsLine(String yaml, String character) {
    assertThatThrownBy(() -> reader.read("a.yaml", yaml))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("a.yaml:1:").contains(character).contains("expected"));
  }

  /** Go's YAML stops at a raw U+FEFF inside a document, and SnakeYAML writes it raw even when quoted. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"env: {A: \"zero\\uFEFFwidth\"}\n", "env: {A: zero\uFEFFwidth}\n", "env: {\"A\\uFEFF\": x}\n"})
  void read_whenAValueHoldsAByteOrderMark_refusesAtItsLine(String yaml) {
    assertThatThrownBy(() -> reader.read("a.yaml", yaml))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).problems().get(0).toString())
            .startsWith("a.yaml:1:").contains("U+FEFF").contains("expected"));
  }

  @Test
  void read_allowsTabsEverywhere_andNewlinesInTextFields() {
    YamlNode.Mapping root = (YamlNode.Mapping) reader.read("a.yaml", """
        name: "tab\\there"
        description: "two\\nlines"
        components:
          web:
            command: ["sh", "-c", "echo a\\necho b"]
            env: {SCRIPT: "line 1\\nline 2"}
        """);
    assertThat(((YamlNode.Scalar) root.get("description")).text()).isEqualTo("two\nlines");
    assertThat(((YamlNode.Scalar) root.get("name")).text()).isEqualTo("tab\there");
  }

}
