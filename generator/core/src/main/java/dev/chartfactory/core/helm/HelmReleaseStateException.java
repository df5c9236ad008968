package dev.chartfactory.core.helm;

import java.util.List;

/** The release is in a state (or lacks a revision) that makes the requested operation unsafe. */
public class HelmReleaseStateException extends HelmException {

  public HelmReleaseStateException(String message) {
    super(message);
  }

  public HelmReleaseStateException(String message, List<String> command, String stderr, Throwable cause) {
    super(message, command, stderr, cause);
  }
}
