package dev.chartfactory.core.load;

import dev.chartfactory.core.error.FileAccessException;
import dev.chartfactory.core.error.InvalidInputException;
import dev.chartfactory.core.spec.RepoLayout;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Spec files in a directory on disk. Only the folders a config repo defines are walked, output
 * folders and VCS metadata are skipped, and symbolic links are never followed, so a link in the
 * repo cannot make the loader read outside it.
 */
public final class DirectorySpecSource implements SpecSource {


  private final Path root;
  /** Each file as the last listing saw it, so fingerprint() and size() cost no file system call. */
  private volatile java.util.Map<String, Listed> listed = java.util.Map.of();

  private record Listed(long size, String fingerprint) {}

  public DirectorySpecSource(Path root) {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw new InvalidInputException("config repo not found: " + this.root
          + " is not a directory (expected a folder with factory.yaml; perhaps --repo is wrong?)",
          (Throwable) null);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public List<String> files() {
    List<String> files = new ArrayList<>();
    java.util.Map<String, Listed> fingerprints = new java.util.HashMap<>();
    try (var top = Files.list(root)) {
      for (Path entry : top.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          files.add(name);
        } else if (RepoLayout.SPEC_FOLDERS.contains(name) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          walk(entry, files, fingerprints);
        }
      }
    } catch (IOException e) {
      throw FileAccessException.of("cannot list " + root, e);
    }
    files.sort(null);
    listed = fingerprints;
    return files;
  }

  private void walk(Path folder, List<String> files, java.util.Map<String, Listed> fingerprints)
      throws IOException {
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        String relative = root.relativize(dir).toString().replace('\\', '/');
        return RepoLayout.holdsSpecs(relative) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          String path = root.relativize(file).toString().replace('\\', '/');
          files.add(path);
          fingerprints.put(path, new Listed(attrs.size(), fingerprintOf(attrs)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  @Override
  public String fingerprint(String path) {
    Listed known = listed.get(path);
    if (known != null) {
      return known.fingerprint();
    }
    try {
      return fingerprintOf(Files.readAttributes(resolve(path), BasicFileAttributes.class));
    } catch (IOException e) {
      return null;
    }
  }

  private static String fingerprintOf(BasicFileAttributes attributes) {
    // Nanoseconds, not FileTime's ISO text: formatting that showed up in profiles of large repos.
    return attributes.size() + "@" + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
        + "#" + attributes.fileKey();
  }

  @Override
  public long size(String path) {
    // A file that grew since the listing is still caught: the reader checks the text it reads.
    Listed known = listed.get(path);
    if (known != null) {
      return known.size();
    }
    try {
      return Files.size(resolve(path));
    } catch (IOException e) {
      throw FileAccessException.of("cannot read " + path, e);
    }
  }

  @Override
  public byte[] read(String path) {
    try {
      return Files.readAllBytes(resolve(path));
    } catch (IOException e) {
      throw FileAccessException.of("cannot read " + path, e);
    }
  }

  private Path resolve(String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      throw new InvalidInputException("path escapes the config repo: " + path, (Throwable) null);
    }
    return file;
  }
}
