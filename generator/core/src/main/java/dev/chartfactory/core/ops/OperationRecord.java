package dev.chartfactory.core.ops;

/**
 * One line of {@code .factory/operations.jsonl}: who changed which release, when, from which
 * commit of the config repo, and how it went.
 *
 * <pre>{@code
 * {"who":"ana","when":"2026-11-23T14:01:21Z","operation":"deploy","environment":"dev",
 *  "release":"platform","namespace":"platform","revision":2,"commit":"7528a1b…",
 *  "dryRun":false,"result":"ok","message":"upgrade --install"}
 * }</pre>
 *
 * @param environment null for operations that are not per environment (rollback, uninstall)
 * @param revision the release's Helm revision after the operation; null when unknown
 * @param commit {@code git rev-parse HEAD} of the config repo; null outside a Git work tree
 * @param result {@code ok} or {@code failed}
 */
public record OperationRecord(String who, String when, String operation, String environment,
    String release, String namespace, Integer revision, String commit, boolean dryRun,
    String result, String message) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";

  public boolean ok() {
    return OK.equals(result);
  }
}
