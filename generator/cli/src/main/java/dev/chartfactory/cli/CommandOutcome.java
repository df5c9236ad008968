package dev.chartfactory.cli;

import org.springframework.stereotype.Component;

/** The exit code of the command that ran, read by {@link FactoryCli} after the run. */
@Component
public class CommandOutcome {

  private volatile int exitCode;

  public int exitCode() {
    return exitCode;
  }

  void record(int code) {
    this.exitCode = code;
  }
}
