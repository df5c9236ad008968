package dev.chartfactory.core.git;

import dev.chartfactory.core.error.GitException;
import dev.chartfactory.core.error.InternalException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A config repo in Git, opened from what {@code --repo} says: a folder (anywhere inside a work
 * tree; the config repo may be a subfolder of it), or a remote URL ({@code https://},
 * {@code ssh://}, {@code git@host:path}, {@code file://}), cloned bare into a cache folder and
 * fetched on later runs. How clones and fetches authenticate (an HTTPS token, SSH keys and
 * known_hosts): see {@link GitAuth}.
 *
 * @param repository the open repository; closed by {@link #close()}
 * @param workTree the work tree's root, or null for a remote URL or a bare repository
 * @param prefix the config repo's folder inside the repository, "" or ending in '/'
 * @param name how messages name it: the folder or the URL
 */
public record GitRepo(Repository repository, Path workTree, String prefix, String name)
    implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*|^[\\w.-]+@[\\w.-]+:.*");

  public static boolean isUrl(String repo) {
    return URL.matcher(repo).matches();
  }

  /** Opens a folder, or clones/fetches a URL into {@link #cacheRoot()}. */
  public static GitRepo open(String repo) {
    return isUrl(repo) ? openRemote(repo, cacheRoot()) : openLocal(Path.of(repo));
  }

  /** The config repo in {@code folder}, which must be inside a Git work tree (or a bare repo). */
  public static GitRepo openLocal(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
        .findGitDir(absolute.toFile());
    if (builder.getGitDir() == null) {
      throw new GitException(absolute + " is not inside a Git repository"
          + " (--ref, --commit, --push and check --base need one; perhaps run 'git init' there, or drop those options)");
    }
    try {
      Repository repository = builder.setMustExist(true).build();
      if (repository.isBare()) {
        return new GitRepo(repository, null, "", absolute.toString());
      }
      Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
      String relative = workTree.relativize(absolute).toString().replace('\\', '/');
      return new GitRepo(repository, workTree, relative.isEmpty() ? "" : relative + "/", absolute.toString());
    } catch (IOException e) {
      throw new GitException("cannot open the Git repository of " + absolute + ": " + e.getMessage(), e);
    }
  }

  /**
   * A bare clone of {@code url} under {@code cacheRoot}, fetched when it already exists.
   * Credentials in the URL authenticate the clone and fetches but are stored nowhere: the cache
   * records the URL without them, and it is named after that URL, so a new token reuses it.
   */
  public static GitRepo openRemote(String url, Path cacheRoot) {
    GitUrls.Parsed parsed = GitUrls.split(url);
    String clean = parsed.url();
    Path target = cacheRoot.resolve(cacheName(clean));
    GitAuth auth = GitAuth.fromEnvironment().withUrlCredentials(parsed.user(), parsed.password());
    try {
      if (!clean.equals(url)) {
        // Earlier versions cloned with the credentials in the URL, and kept them in that clone's config.
        deleteCache(cacheRoot.resolve(cacheName(url)));
      }
      if (Files.isDirectory(target.resolve("objects"))) {
        Git git = Git.open(target.toFile());
        try {
          StoredConfig config = git.getRepository().getConfig();
          if (!clean.equals(config.getString("remote", "origin", "url"))) {
            config.setString("remote", "origin", "url", clean);
            config.save();
          }
          auth.apply(git.fetch().setRemote("origin").setRemoveDeletedRefs(true)
              .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*")))
              .call();
        } catch (GitAPIException | IOException | RuntimeException e) {
          git.close();
          throw e;
        }
        return new GitRepo(git.getRepository(), null, "", clean);
      }
      Files.createDirectories(cacheRoot);
      Git git = auth.apply(Git.cloneRepository().setURI(clean).setBare(true).setCloneAllBranches(true)
          .setDirectory(target.toFile())).call();
      return new GitRepo(git.getRepository(), null, "", clean);
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw auth.failure("cannot clone or fetch " + clean + " into " + target, e);
    }
  }

  private static void deleteCache(Path folder) throws IOException {
    if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * {@code FACTORY_GIT_CACHE} (or the system property {@code factory.git.cache}) when set, else
   * {@code ~/.cache/chart-factory/repos}, else the system temp folder when home is not writable.
   */
  public static Path cacheRoot() {
    String configured = System.getProperty("factory.git.cache", System.getenv("FACTORY_GIT_CACHE"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String home = System.getProperty("user.home");
    if (home != null && !home.isBlank() && Files.isWritable(Path.of(home))) {
      return Path.of(home, ".cache", "chart-factory", "repos");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "chart-factory", "repos");
  }

  static String cacheName(String url) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      String tail = url.replaceAll("/+$", "").replaceAll("\\.git$", "").replaceAll(".*[/:]", "").replaceAll("[^A-Za-z0-9_.-]", "_");
      return tail + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".git";
    } catch (NoSuchAlgorithmException e) {
      throw new InternalException("SHA-256 is not available in this JVM", e);
    }
  }

  public Git git() {
    return Git.wrap(repository);
  }

  /** The short name of the checked-out branch, or null when HEAD is detached. */
  public String currentBranch() {
    try {
      String full = repository.getFullBranch();
      return full != null && full.startsWith(Constants.R_HEADS) ? Repository.shortenRefName(full) : null;
    } catch (IOException e) {
      throw new GitException("cannot read HEAD of " + name + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code ref} names the checked-out branch ("HEAD", "main", "refs/heads/main"). */
  public boolean isCheckedOut(String ref) {
    String branch = currentBranch();
    return ref.equals(Constants.HEAD)
        || branch != null && (ref.equals(branch) || ref.equals(Constants.R_HEADS + branch));
  }

  /** A few branch names, for messages. */
  public List<String> someBranches(int limit) {
    try {
      return repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
          .map(Ref::getName).map(Repository::shortenRefName).sorted().limit(limit).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  public File gitDir() {
    return repository.getDirectory();
  }

  @Override
  public void close() {
    repository.close();
  }
}
