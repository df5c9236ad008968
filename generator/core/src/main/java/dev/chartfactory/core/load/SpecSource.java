package dev.chartfactory.core.load;

import java.util.List;

/**
 * Where spec files come from: a working tree on disk, or a Git ref read without checkout.
 * Paths are repo-relative with '/' separators.
 */
public interface SpecSource {

  /** A short description for messages, e.g. the directory or "origin/main@1a2b3c4". */
  String describe();

  /** Every regular file in the source, sorted. */
  List<String> files();

  /** The size of a file in bytes, known before its content is read. */
  long size(String path);

  /** The file's content. */
  byte[] read(String path);

  /**
   * Something that changes whenever the file's content does (size and modification time on
   * disk, a blob id in Git), or null when the source cannot tell cheaply. Lets a long-lived
   * loader skip files it has already parsed.
   */
  default String fingerprint(String path) {
    return null;
  }
}
