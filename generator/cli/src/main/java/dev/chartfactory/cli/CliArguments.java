package dev.chartfactory.cli;

import dev.chartfactory.core.check.Suggestions;
import dev.chartfactory.core.error.Problem;
import dev.chartfactory.core.error.SourceLocation;
import dev.chartfactory.core.error.SpecException;
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
      throw SpecException.of(new Problem(SourceLocation.ofFile("<command line>"), "--env", "'" + environment
          + "' is not an environment (expected one of: " + String.join(", ", environments) + ")",
          Suggestions.hint(environment, environments)));
    }
    return List.of(environment);
  }
}
