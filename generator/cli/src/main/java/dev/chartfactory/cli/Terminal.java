package dev.chartfactory.cli;

import dev.chartfactory.core.PipelineListener;

/** Progress lines on stderr, prefixed by the stage id, so stdout stays clean for data. */
final class Terminal {

  private Terminal() {}

  static PipelineListener progress(boolean quiet) {
    if (quiet) {
      return PipelineListener.SILENT;
    }
    Colours colours = Colours.forThisProcess();
    return (stage, message) -> System.err.println(colours.dim("[" + stage + "]") + " " + message);
  }
}
