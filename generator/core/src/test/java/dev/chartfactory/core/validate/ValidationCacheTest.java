package dev.chartfactory.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chartfactory.core.Generated;
import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.TestHelm;
import dev.chartfactory.core.TestRepos;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationCacheTest {

  private static final String SHOP = ChartValidatorTest.VALID_SHOP;

  @TempDir Path temp;

  private final List<String> progress = new ArrayList<>();

  private ChartValidator.Report validate(Path repo, Map<String, String> files, ValidationCache cache) {
    ResolvedPlatform platform;
    try {
      platform = TestRepos.resolved(repo, files);
    } catch (dev.chartfactory.core.error.SpecException e) {
      throw new AssertionError(e.report(), e);
    }
    PipelineListener listener = (stage, message) -> progress.add(message);
    return new ChartValidator(TestHelm.cli(), new ManifestSchemaValidator(), listener, cache)
        .validate(platform, Generated.render(repo));
  }

  private String lastValidateLine() {
    return progress.stream().filter(line -> line.contains("manifests in")).reduce((a, b) -> b).orElse("");
  }

  private static List<Path> entries(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void secondRun_withNothingChanged_takesEveryEnvironmentFromTheCache_withTheSameReport() throws IOException {
    Path folder = temp.resolve("cache");
    ValidationCache cache = new ValidationCache(folder, 100);
    Path repo = temp.resolve("repo");

    ChartValidator.Report first = validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);
    assertThat(lastValidateLine()).contains("(validated 4 of 4 app and umbrella renders, 0 from cache)");
    assertThat(entries(folder)).as("the umbrella's own objects and the app, in two environments").hasSize(4);

    ChartValidator.Report second = validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);
    assertThat(lastValidateLine()).contains("(validated 0 of 4 app and umbrella renders, 4 from cache)");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aChangedSpec_aWaiver_orAnotherInstance_missesTheEnvironmentsItDecides() {
    ValidationCache cache = new ValidationCache(temp.resolve("cache"), 100);
    Path repo = temp.resolve("repo");
    validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);

    validate(repo, Map.of("apps/shop/app.yaml", SHOP + "policy:\n  waive:\n    probes: checked by the mesh\n"), cache);
    assertThat(lastValidateLine()).as("a waiver changes what the policy says of the app, not of the umbrella")
        .contains("(validated 2 of 4 app and umbrella renders, 2 from cache)");

    validate(repo, Map.of("apps/shop/app.yaml", SHOP, "apps/shop/instances/prod.yaml", "version: 1.0.1\n"), cache);
    assertThat(lastValidateLine()).as("only the app's prod inputs changed").contains("(validated 1 of 4 app and umbrella renders, 3 from cache)");
  }

  @Test
  void aTruncatedOrEditedEntry_isIgnoredAndWrittenAgain_andADeletedFolderIsMadeAgain() throws IOException {
    Path folder = temp.resolve("cache");
    ValidationCache cache = new ValidationCache(folder, 100);
    Path repo = temp.resolve("repo");
    validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);
    List<Path> entries = entries(folder);
    Files.writeString(entries.get(0), Files.readString(entries.get(0)).substring(0, 20));
    String edited = Files.readString(entries.get(1)).replaceFirst("\"manifests\":\\d+", "\"manifests\":999");
    Files.writeString(entries.get(1), edited);

    ChartValidator.Report report = validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);

    assertThat(lastValidateLine()).contains("(validated 2 of 4 app and umbrella renders, 2 from cache)");
    assertThat(report.manifests()).isLessThan(999);
    assertThat(entries(folder)).hasSize(4);
    assertThat(Files.readString(entries(folder).get(0))).endsWith("}");

    try (Stream<Path> all = Files.walk(folder)) {
      for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);
    assertThat(lastValidateLine()).contains("(validated 4 of 4 app and umbrella renders, 0 from cache)");
    assertThat(entries(folder)).hasSize(4);
  }

  @Test
  void oneAppEdited_revalidatesOnlyThatAppsRenders_notTheOtherAppsNorTheUmbrellasOwnObjects() {
    ValidationCache cache = new ValidationCache(temp.resolve("cache"), 100);
    Path repo = temp.resolve("repo");
    String cart = SHOP.replace("name: shop", "name: cart").replace("shop-web", "cart-web");
    validate(repo, Map.of("apps/shop/app.yaml", SHOP, "apps/cart/app.yaml", cart), cache);
    assertThat(lastValidateLine()).contains("(validated 6 of 6 app and umbrella renders, 0 from cache)");

    validate(repo, Map.of("apps/shop/app.yaml", SHOP, "apps/cart/app.yaml", cart.replace("cpu: 100m", "cpu: 200m")),
        cache);
    assertThat(lastValidateLine()).as("cart in dev and prod").contains("(validated 2 of 6 app and umbrella renders, 4 from cache)");
  }

  @Test
  void aHelmUpgradeBetweenRuns_reusesNothing() throws IOException {
    ValidationCache cache = new ValidationCache(temp.resolve("cache"), 100);
    Path repo = temp.resolve("repo");
    validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);
    // Another helm: a wrapper that says it is a newer version and renders with the real one.
    Path upgraded = temp.resolve("bin/helm");
    Files.createDirectories(upgraded.getParent());
    Files.writeString(upgraded, "#!/bin/sh\nif [ \"$1\" = version ]; then echo v9.9.9+gupgraded; exit 0; fi\n"
        + "exec '" + dev.chartfactory.core.TestHelm.binary() + "' \"$@\"\n");
    upgraded.toFile().setExecutable(true);
    ResolvedPlatform platform = TestRepos.resolved(repo, Map.of("apps/shop/app.yaml", SHOP));
    PipelineListener listener = (stage, message) -> progress.add(message);
    new ChartValidator(new dev.chartfactory.core.helm.HelmCli(upgraded, Files.createTempDirectory(temp, "helm")),
        new ManifestSchemaValidator(), listener, cache).validate(platform, Generated.render(repo));
    assertThat(lastValidateLine()).contains("(validated 4 of 4 app and umbrella renders, 0 from cache)");

    validate(repo, Map.of("apps/shop/app.yaml", SHOP), cache);
    assertThat(lastValidateLine()).as("the first helm's entries are still there")
        .contains("(validated 0 of 4 app and umbrella renders, 4 from cache)");
  }

  @Test
  void twoRunsSharingACacheFolder_atTheSameTime_bothPass_andAThirdTakesEverythingFromIt() throws Exception {
    Path folder = temp.resolve("cache");
    Path repo = temp.resolve("repo");
    TestRepos.resolved(repo, Map.of("apps/shop/app.yaml", SHOP));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<ChartValidator.Report>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> {
        ResolvedPlatform platform = new dev.chartfactory.core.pipeline.Pipeline(PipelineListener.SILENT)
            .resolve(new dev.chartfactory.core.load.DirectorySpecSource(repo));
        return new ChartValidator(TestHelm.cli(), new ManifestSchemaValidator(), PipelineListener.SILENT,
            new ValidationCache(folder, 100)).validate(platform, Generated.render(repo));
      }));
    }
    ChartValidator.Report first = runs.get(0).get();
    assertThat(runs.get(1).get()).isEqualTo(first);
    pool.shutdown();
    assertThat(entries(folder)).hasSize(4);

    ChartValidator.Report third = validate(repo, Map.of("apps/shop/app.yaml", SHOP), new ValidationCache(folder, 100));
    assertThat(lastValidateLine()).contains("(validated 0 of 4 app and umbrella renders, 4 from cache)");
    assertThat(third).isEqualTo(first);
  }

  @Test
  void runsSharingACache_storeWholeEntries_andTheFolderStaysWithinItsBound() throws Exception {
    Path folder = temp.resolve("cache");
    ValidationCache cache = new ValidationCache(folder, 5);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String key = new ValidationCache.KeyBuilder().add("n", Integer.toString(i % 12)).build();
      int manifests = i % 12;
      writes.add(pool.submit(() -> {
        cache.store(key, new ValidationCache.Entry(manifests, List.of()));
        cache.find(key).ifPresent(entry -> assertThat(entry.manifests()).isEqualTo(manifests));
      }));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
    }
    assertThat(entries(folder).size()).isLessThanOrEqualTo(5 + 8);
    String last = new ValidationCache.KeyBuilder().add("n", "last").build();
    cache.store(last, new ValidationCache.Entry(1, List.of()));
    // Concurrent prunes may remove more than needed (never a problem: a miss), never leave more.
    assertThat(entries(folder)).hasSizeBetween(1, 5);
    assertThat(cache.find(last)).contains(new ValidationCache.Entry(1, List.of()));
  }

  @Test
  void disabled_findsNothing_andStoresNothing() {
    String key = new ValidationCache.KeyBuilder().add("a", "b").build();
    ValidationCache.DISABLED.store(key, new ValidationCache.Entry(1, List.of()));
    assertThat(ValidationCache.DISABLED.find(key)).isEmpty();
    assertThat(new ValidationCache.KeyBuilder().add("ab", "c").build())
        .isNotEqualTo(new ValidationCache.KeyBuilder().add("a", "bc").build());
  }
}
