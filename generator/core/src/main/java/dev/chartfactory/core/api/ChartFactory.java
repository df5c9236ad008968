package dev.chartfactory.core.api;

import dev.chartfactory.core.PipelineListener;
import dev.chartfactory.core.error.FactoryException;

/**
 * What Chart Factory does, as one call per workflow: each takes a request record and returns a
 * result record, and reports progress through the listener (core never prints). The workflows
 * assemble the stages in order; the caller only reads options and prints results.
 *
 * <pre>{@code
 * ChartFactory factory = new ChartFactory(PipelineListener.SILENT);
 * GenerateResult result = factory.generate(GenerateRequest.all(".", false, false));
 * CheckResult check = factory.check(new CheckRequest(".", null, OutputFormat.TEXT));
 * }</pre>
 *
 * <p>Every failure is a {@link FactoryException} whose kind says what went wrong.
 */
public final class ChartFactory {

  private final PipelineListener listener;

  public ChartFactory(PipelineListener listener) {
    this.listener = listener;
  }

  /**
   * Renders, validates and writes the charts (or, in a dry run, says what would change), reading
   * the specs from a folder or a Git ref and committing or pushing the result when asked.
   */
  public GenerateResult generate(GenerateRequest request) {
    return new Generation(listener).run(request);
  }

  /**
   * Compares the committed charts with what the specs generate; in pull-request mode (a base),
   * renders only the apps changed since the base and says what the pull request changes.
   */
  public CheckResult check(CheckRequest request) {
    return new ChartChecks(listener).check(request);
  }

  /** Per environment, the Kubernetes objects and fields the specs change. */
  public DiffResult diff(DiffRequest request) {
    return new ChartChecks(listener).diff(request);
  }
}
