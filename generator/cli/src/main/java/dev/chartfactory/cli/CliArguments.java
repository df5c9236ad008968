package dev.chartfactory.cli;

import dev.chartfactory.core.error.Suggestions;
import dev.chartfactory.core.error.UsageException;
import dev.chartfactory.core.resolve.ResolvedPlatform;
import java.util.List;

/** Checks of command-line values shared by several commands. */
final class CliArguments {

  private CliArguments() {}

  /** The environments an {@code --env} option selects: the one named, or all when null. */
  static List<String> environments(ResolvedPlatform platform, String environment) {
    List<String> environments = platform.repo().environmentNames();
    if (environment == null) {
      return environments;
    }
    if (!environments.contains(environment)) {
      throw new UsageException("--env", "'" + environment
          + "' is not an environment (expected one of: " + String.join(", ", environments) + ")",
          Suggestions.hint(environment, environments));
    }
    return List.of(environment);
  }
}
