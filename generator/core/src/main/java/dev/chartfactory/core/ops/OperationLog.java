package dev.chartfactory.core.ops;

import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.git.GitRepo;
import dev.chartfactory.core.spec.RepoLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The config repo's record of what was done to its releases: {@code .factory/operations.jsonl},
 * one JSON object per line, appended and never rewritten. It belongs to the user (commit it, or
 * ignore it); Chart Factory only appends to it and reads it for {@code factory history}.
 */
public final class OperationLog {

  /** Where the log lives, relative to the config repo. */
  public static final String PATH = RepoLayout.OPERATION_LOG;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path repoRoot;
  private final Path file;
  private final Clock clock;

  public OperationLog(Path repoRoot) {
    this(repoRoot, Clock.systemUTC());
  }

  public OperationLog(Path repoRoot, Clock clock) {
    this.repoRoot = repoRoot.toAbsolutePath().normalize();
    this.file = this.repoRoot.resolve(PATH);
    this.clock = clock;
  }

  /** The config repo whose log this is. */
  public Path repoRoot() {
    return repoRoot;
  }

  public Path file() {
    return file;
  }

  /**
   * A record stamped with who, when and the source commit; the caller supplies what happened.
   */
  public OperationRecord record(String operation, String environment, String release,
      String namespace, Integer revision, boolean dryRun, String result, String message) {
    return new OperationRecord(who(), Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(),
        operation, environment, release, namespace, revision, sourceCommit(), dryRun, result,
        message);
  }

  /** Appends one line; the file and its folder are created when missing. */
  public void append(OperationRecord entry) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("who", entry.who());
    line.put("when", entry.when());
    line.put("operation", entry.operation());
    line.put("environment", entry.environment());
    line.put("release", entry.release());
    line.put("namespace", entry.namespace());
    line.put("revision", entry.revision());
    line.put("commit", entry.commit());
    line.put("dryRun", entry.dryRun());
    line.put("result", entry.result());
    line.put("message", entry.message());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw FileAccessException.of("cannot append to " + file, e);
    }
  }

  /** Every entry, oldest first; lines that are not JSON objects are skipped. */
  public List<OperationRecord> read() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<OperationRecord> entries = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode node = JSON.readTree(line);
          if (!node.isObject()) {
            continue;
          }
          entries.add(new OperationRecord(text(node, "who"), text(node, "when"),
              text(node, "operation"), text(node, "environment"), text(node, "release"),
              text(node, "namespace"), node.path("revision").isNumber() ? node.get("revision").asInt() : null,
              text(node, "commit"), node.path("dryRun").asBoolean(false), text(node, "result"),
              text(node, "message")));
        } catch (JacksonException e) {
          // A hand-edited or truncated line must not hide the rest of the record.
        }
      }
    } catch (IOException e) {
      throw FileAccessException.of("cannot read " + file, e);
    }
    return List.copyOf(entries);
  }

  /** {@code $USER}, else git's {@code user.name}, else {@code unknown}. */
  String who() {
    String user = System.getenv("USER");
    if (user != null && !user.isBlank()) {
      return user;
    }
    try (GitRepo repo = GitRepo.openLocal(repoRoot)) {
      String name = repo.repository().getConfig().getString("user", null, "name");
      return name == null || name.isBlank() ? "unknown" : name;
    } catch (GitException e) {
      return "unknown";
    }
  }

  /** {@code git rev-parse HEAD} of the config repo, or null outside a work tree or before a commit. */
  String sourceCommit() {
    try (GitRepo repo = GitRepo.openLocal(repoRoot)) {
      if (repo.workTree() == null) {
        return null;
      }
      ObjectId head = repo.repository().resolve("HEAD");
      return head == null ? null : head.name();
    } catch (GitException | IOException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
