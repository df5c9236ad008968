import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Prepares the unpacked jars for bin/factory's class-data-sharing archive, in one JVM (run as
 * {@code java LauncherJars.java LIB_DIR PATTERNS_FILE}):
 * <ul>
 *   <li>JGit's jars lose their signature files: the JVM digest-checks every class loaded from a
 *       signed jar and never archives it (Maven checked the downloads' checksums);
 *   <li>for every jar still signed, PATTERNS_FILE gets one {@code @lambda-proxy <package>/} line
 *       per package: JDK 17 crashes dumping lambda proxies of classes it cannot archive.
 * </ul>
 */
public class LauncherJars {

  private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

  public static void main(String[] args) throws IOException {
    List<Path> jars;
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
    }
    TreeSet<String> patterns = new TreeSet<>();
    for (Path jar : jars) {
      boolean signed;
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        signed = zip.stream().anyMatch(entry -> SIGNATURE.matcher(entry.getName()).matches());
        if (signed && !jar.getFileName().toString().startsWith("org.eclipse.jgit")) {
          zip.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class") && name.contains("/"))
              .forEach(name -> patterns.add("@lambda-proxy " + name.substring(0, name.lastIndexOf('/') + 1)));
          continue;
        }
      }
      if (signed) {
        unsign(jar);
      }
    }
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
      patterns.forEach(out::println);
    }
  }

  private static void unsign(Path jar) throws IOException {
    Path unsigned = jar.resolveSibling(jar.getFileName() + ".unsigned");
    try (ZipFile zip = new ZipFile(jar.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(unsigned))) {
      for (ZipEntry entry : zip.stream().toList()) {
        if (SIGNATURE.matcher(entry.getName()).matches()) {
          continue;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    Files.move(unsigned, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
