package dev.chartfactory.core.helm;

import java.util.List;

/** The release does not exist in the namespace (never installed, or uninstalled). */
public class HelmReleaseNotFoundException extends HelmException {

  public HelmReleaseNotFoundException(String message) {
    super(message);
  }

  public HelmReleaseNotFoundException(String message, List<String> command, String stderr, Throwable cause) {
    super(message, command, stderr, cause);
  }
}
