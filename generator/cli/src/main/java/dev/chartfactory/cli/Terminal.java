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
    return (stage, message) -> System.err.println("[" + stage + "] " + PrintableText.escape(message));
  }
}
