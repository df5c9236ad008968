package dev.chartfactory.core.api;

/**
 * What {@link ChartFactory#diff} found.
 *
 * @param text the diff in the requested format; for text and Markdown, empty when nothing changes
 * @param changed whether any object changes (or the diff could not be made, e.g. without helm)
 */
public record DiffResult(String text, boolean changed) {}
