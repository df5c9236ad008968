package dev.chartfactory.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/** Copies of the bundled examples for CLI tests, and listings to prove nothing was written. */
final class CliRepos {

  private CliRepos() {}

  /** Tests that run helm need -Dhelm.binary: required under CI, a skip elsewhere. */
  static void requireHelm() {
    boolean haveHelm = !System.getProperty("helm.binary", "").isBlank();
    if (!haveHelm && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI must pass -Dhelm.binary (make test does)");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(haveHelm, "no helm: run make test, or pass -Dhelm.binary=PATH");
  }

  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("schemas/app.schema.json"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  /**
   * A new bare repository at {@code remote} whose {@code main} holds the small example (with a
   * .gitignore for Helm's output, and {@code extraFiles}), committed by {@code author} from the
   * clone at {@code work}; returns that commit.
   */
  static ObjectId remoteWithSmallExample(Path remote, Path work, PersonIdent author, Map<String, String> extraFiles)
      throws Exception {
    Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
    try (Git git = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(work.toFile()).call()) {
      git.checkout().setOrphan(true).setName("main").call();
      copyTree(projectRoot().resolve("examples/small"), work);
      Files.writeString(work.resolve(".gitignore"), "umbrella-chart/charts/\numbrella-chart/Chart.lock\n");
      for (Map.Entry<String, String> file : extraFiles.entrySet()) {
        Files.writeString(work.resolve(file.getKey()), file.getValue());
      }
      git.add().addFilepattern(".").call();
      ObjectId seed = git.commit().setAuthor(author).setCommitter(author).setMessage("Add the small example").call()
          .getId();
      git.push().call();
      return seed;
    }
  }

  static Path copyOfExample(String name, Path into) {
    Path to = into.resolve(name);
    copyTree(projectRoot().resolve("examples").resolve(name), to);
    return to;
  }

  /** Copies a folder's content into {@code to}, replacing files that exist there. */
  static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  /**
   * Adds a blueprint of the team's own to {@code repo}: an extra Service per web app with a
   * misspelt field ({@code spec.portz}), which only the Kubernetes schemas catch.
   */
  static void addInvalidServiceBlueprint(Path repo) throws IOException {
    Path template = repo.resolve("templates/webapp/extra.yaml.j2");
    Files.createDirectories(template.getParent());
    Files.writeString(template, """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "[[ app.name ]].fullname" . }}-[[ component.name ]]-extra
        spec:
          portz: [{port: 80}]
        """);
  }

  /** Every path below {@code root}, except the lock a writing command takes (.factory/lock). */
  static List<String> listing(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(path -> !isLockFile(path)).map(root::relativize).map(Path::toString).sorted().toList();
    }
  }

  private static boolean isLockFile(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    boolean inFactoryFolder = path.getParent() != null && path.getParent().getFileName() != null
        && path.getParent().getFileName().toString().equals(".factory");
    return name.equals(".factory") && Files.isDirectory(path) && !Files.exists(path.resolve("operations.jsonl"))
        || inFactoryFolder && (name.equals("lock") || name.equals(".gitignore"));
  }

  static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
