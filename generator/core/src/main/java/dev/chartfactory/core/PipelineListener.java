package dev.chartfactory.core;

/**
 * How the pipeline reports progress; core never prints. Each event names the stage by its id
 * ({@code load}, {@code check}, {@code resolve}, ...).
 */
@FunctionalInterface
public interface PipelineListener {

  PipelineListener SILENT = (stage, message) -> { };

  void progress(String stage, String message);
}
