package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.PrintableText;

/** Progress lines on stderr, prefixed by the stage id, so stdout stays clean for data. */
final class Terminal {

  private Terminal() {}

  static PipelineListener progress(boolean quiet) {
    if (quiet) {
      return PipelineListener.SILENT;
    }
    Colours colours = Colours.forThisProcess();
    // A URL given with credentials must not show them in a CI log.
    return (stage, message) ->
        System.err.println(colours.dim("[" + stage + "]") + " " + PrintableText.escape(PrintableText.withoutCredentials(message)));
  }
}
