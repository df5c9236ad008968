package dev.chartfactory.core.error;

/**
 * What kind of failure a {@link FactoryException} is. The CLI chooses its exit code from the kind
 * alone, in one place; a failure that is not a {@code FactoryException} is a bug of ours.
 */
public enum ErrorKind {
  /** The specs, templates or the charts they render are wrong: the user changes their input. */
  INVALID_INPUT,
  /** The command line is wrong: an unknown option, a value the option does not take. */
  USAGE,
  /** A file or folder could not be read or written: permissions, a full disk, a missing folder. */
  FILE_ACCESS,
  /** The committed charts are not what the specs generate. */
  STALE_OUTPUT,
  /** A Git operation failed or was refused; the specs may be fine. */
  GIT_FAILURE,
  /** The helm binary is missing, failed, or did not finish in time; the specs may be fine. */
  HELM_FAILURE,
  /** Chart Factory itself is broken (a resource missing from the build, a broken invariant). */
  INTERNAL
}
