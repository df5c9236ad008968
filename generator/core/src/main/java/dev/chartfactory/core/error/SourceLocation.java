package dev.chartfactory.core.error;

/**
 * A place in a spec file, as a person would look it up in an editor: path relative to the
 * config repo root, 1-based line and column. Line 0 means "the file as a whole".
 */
public record SourceLocation(String file, int line, int column) {

  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
