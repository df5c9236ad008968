package dev.chartfactory.core.helm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the Helm CLI: one method per helm verb the generator uses. Every call runs {@code helm}
 * as a child process with a timeout, reads stdout and stderr concurrently (so big output cannot
 * block it), and throws {@link HelmException} quoting the command and helm's stderr when helm
 * fails.
 *
 * <p>Helm's cache, config and data homes point into {@code workDir}, and every other {@code
 * HELM_*} variable is removed, so the user's repositories, plugins and registry logins never
 * change what the generator sees.
 *
 * <pre>{@code
 * Path binary = new HelmLocator(repoRoot).require();
 * HelmCli helm = new HelmCli(binary, Files.createTempDirectory("helm"));
 * String yaml = helm.template(chart, "shop", "platform", List.of(valuesDev), Map.of());
 * }</pre>
 */
public final class HelmCli {

  /** Generous: a dependency update may download charts. Use {@link #withTimeout} to change it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** Go's GC target for helm runs, unless the environment sets GOGC (Go's default is 100). */
  static final String GO_GC_PERCENT = "400";

  /** Helm output larger than this is treated as a failure rather than held in memory. */
  static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

  // helm handles SIGTERM by cancelling its context, but a template still rendering ignores
  // that, so after this grace period the process is killed.
  private static final Duration KILL_GRACE = Duration.ofSeconds(2);

  private static final Pattern PACKAGED =
      Pattern.compile("Successfully packaged chart and saved it to: (.+)");

  private final Path binary;
  private final Path workDir;
  private final Duration timeout;
  private final Path kubeconfig;
  private final String kubeContext;

  /**
   * @param binary the helm executable, usually from {@link HelmLocator#require()}
   * @param workDir a private directory for Helm's cache, config and data homes
   */
  public HelmCli(Path binary, Path workDir) {
    this(binary, workDir, DEFAULT_TIMEOUT, kubeconfigFromEnvironment(System.getenv("KUBECONFIG")), null);
  }

  private HelmCli(Path binary, Path workDir, Duration timeout, Path kubeconfig, String kubeContext) {
    this.kubeContext = kubeContext;
    this.binary = Objects.requireNonNull(binary, "binary").toAbsolutePath();
    this.workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.kubeconfig = kubeconfig == null ? null : kubeconfig.toAbsolutePath();
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** The same helm, with every command limited to {@code newTimeout}. */
  public HelmCli withTimeout(Duration newTimeout) {
    return new HelmCli(binary, workDir, newTimeout, kubeconfig, kubeContext);
  }

  /**
   * The same helm, talking to the cluster of {@code file} ({@code --kubeconfig}); {@code null}
   * leaves it to helm's defaults. By default this is {@code KUBECONFIG} when it names one file.
   */
  public HelmCli withKubeconfig(Path file) {
    return new HelmCli(binary, workDir, timeout, file, kubeContext);
  }

  /** The same helm, talking to the cluster of kube context {@code context} ({@code --kube-context}); null: the current one. */
  public HelmCli withKubeContext(String context) {
    return new HelmCli(binary, workDir, timeout, kubeconfig, context);
  }

  /** The kube context passed as {@code --kube-context} to cluster commands, if any. */
  public Optional<String> kubeContext() {
    return Optional.ofNullable(kubeContext);
  }

  /** The kubeconfig passed as {@code --kubeconfig} to cluster commands, if any. */
  public Optional<Path> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  // A KUBECONFIG list (a:b) is not a valid --kubeconfig; helm still reads it from the
  // environment, which the child process inherits.
  static Path kubeconfigFromEnvironment(String value) {
    if (value == null || value.isBlank() || value.contains(java.io.File.pathSeparator)) {
      return null;
    }
    return Path.of(value);
  }

  public Path binary() {
    return binary;
  }

  /**
   * {@code helm version --short}, e.g. {@code v3.17.3+ge4da497}: asked once per process per
   * binary, told apart by path, size and modification time (an upgrade in place changes those).
   */
  public String version() {
    String identity;
    try {
      java.nio.file.attribute.BasicFileAttributes attributes = java.nio.file.Files.readAttributes(binary,
          java.nio.file.attribute.BasicFileAttributes.class);
      identity = binary + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    } catch (java.io.IOException e) {
      return run(List.of("version", "--short"), false).strip();
    }
    return VERSIONS.computeIfAbsent(identity, ignored -> run(List.of("version", "--short"), false).strip());
  }

  /** Binary identity (path, size, mtime) → its {@code helm version --short}. */
  private static final java.util.concurrent.ConcurrentMap<String, String> VERSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@code helm lint}. With {@code strict}, warnings fail too.
   *
   * @return helm's report (it includes {@code [INFO]} lines even when the chart passes)
   * @throws HelmException when the chart fails; the message includes helm's report
   */
  public String lint(Path chart, List<Path> valuesFiles, boolean strict) {
    return lint(List.of(chart), valuesFiles, strict);
  }

  /** {@code helm lint} of several charts in one helm run; fails when any of them fails. */
  public String lint(List<Path> charts, List<Path> valuesFiles, boolean strict) {
    if (charts.isEmpty()) {
      throw new IllegalArgumentException("no chart to lint");
    }
    List<String> args = new ArrayList<>(List.of("lint"));
    charts.forEach(chart -> args.add(absolute(chart)));
    if (strict) {
      args.add("--strict");
    }
    addValuesFiles(args, valuesFiles);
    return run(args, true);
  }

  /**
   * {@code helm template}: renders the chart offline and returns the manifests as YAML text.
   *
   * @param namespace always passed explicitly, so the namespace of the user's kube context can
   *     never leak into the output
   * @param setValues passed as {@code --set key=value} in key order; helm's {@code --set} syntax
   *     applies (commas separate values, dots nest keys)
   */
  public String template(Path chart, String releaseName, String namespace,
      List<Path> valuesFiles, Map<String, String> setValues) {
    return template(chart, releaseName, namespace, valuesFiles, setValues, true);
  }

  /**
   * {@code helm template}, with {@code --skip-schema-validation} unless {@code validateSchemas}:
   * for callers that check the values against the charts' {@code values.schema.json} themselves.
   */
  public String template(Path chart, String releaseName, String namespace,
      List<Path> valuesFiles, Map<String, String> setValues, boolean validateSchemas) {
    requireText(releaseName, "releaseName");
    requireText(namespace, "namespace");
    List<String> args = new ArrayList<>(
        List.of("template", releaseName, absolute(chart), "--namespace", namespace));
    if (!validateSchemas) {
      args.add("--skip-schema-validation");
    }
    addValuesFiles(args, valuesFiles);
    new TreeMap<>(setValues).forEach((key, value) -> {
      args.add("--set");
      args.add(key + "=" + value);
    });
    return run(args, false);
  }

  /** {@code helm dependency build}: fills {@code charts/} from {@code Chart.lock}. */
  public void dependencyBuild(Path chart) {
    run(List.of("dependency", "build", absolute(chart)), false);
  }

  /** {@code helm dependency update}: resolves dependencies, rewrites {@code Chart.lock}. */
  public void dependencyUpdate(Path chart) {
    run(List.of("dependency", "update", absolute(chart)), false);
  }

  /**
   * {@code helm upgrade --install --create-namespace}: installs the release or upgrades it.
   *
   * @param wait {@code --wait}: return only when the release's objects are ready
   * @param helmTimeout helm's own {@code --timeout} (the process gets a minute more)
   * @param dryRun {@code --dry-run=server}: the API server checks the objects, nothing changes
   * @return helm's report
   */
  public String upgradeInstall(Path chart, String release, String namespace, List<Path> valuesFiles,
      boolean wait, Duration helmTimeout, boolean dryRun) {
    requireText(release, "release");
    requireText(namespace, "namespace");
    List<String> args = new ArrayList<>(List.of("upgrade", "--install", release, absolute(chart),
        "--namespace", namespace, "--create-namespace"));
    addValuesFiles(args, valuesFiles);
    if (wait) {
      args.add("--wait");
    }
    args.add("--timeout");
    args.add(goDuration(helmTimeout));
    if (dryRun) {
      args.add("--dry-run=server");
    }
    return withTimeout(helmTimeout.plus(Duration.ofMinutes(1))).runOnCluster(args, release, namespace);
  }

  /** {@code helm status -o json}, parsed. */
  public ReleaseStatus status(String release, String namespace) {
    String json = runOnCluster(List.of("status", release, "--namespace", namespace, "--output", "json"),
        release, namespace);
    return ReleaseStatus.parse(json);
  }

  /** {@code helm history -o json}, parsed, oldest revision first. */
  public List<ReleaseRevision> history(String release, String namespace) {
    String json = runOnCluster(List.of("history", release, "--namespace", namespace, "--output", "json",
        "--max", "256"), release, namespace);
    return ReleaseRevision.parseHistory(json);
  }

  /** {@code helm rollback RELEASE REVISION}. */
  public String rollback(String release, int revision, String namespace, boolean wait,
      Duration helmTimeout) {
    List<String> args = new ArrayList<>(List.of("rollback", release, Integer.toString(revision),
        "--namespace", namespace, "--timeout", goDuration(helmTimeout)));
    if (wait) {
      args.add("--wait");
    }
    return withTimeout(helmTimeout.plus(Duration.ofMinutes(1))).runOnCluster(args, release, namespace);
  }

  /** {@code helm uninstall RELEASE}. */
  public String uninstall(String release, String namespace) {
    return runOnCluster(List.of("uninstall", release, "--namespace", namespace), release, namespace);
  }

  private String runOnCluster(List<String> args, String release, String namespace) {
    List<String> withConfig = new ArrayList<>(args);
    if (kubeconfig != null) {
      withConfig.add("--kubeconfig");
      withConfig.add(kubeconfig.toString());
    }
    if (kubeContext != null) {
      withConfig.add("--kube-context");
      withConfig.add(kubeContext);
    }
    try {
      return run(withConfig, false);
    } catch (HelmException e) {
      throw ClusterErrors.classify(e, release, namespace, kubeconfig);
    }
  }

  /** Helm's duration syntax: {@code 10m0s}. */
  static String goDuration(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + duration);
    }
    return duration.toSeconds() + "s";
  }

  /**
   * {@code helm package --destination}.
   *
   * @return the chart archive written, e.g. {@code destination/shop-0.1.0.tgz}
   */
  public Path packageChart(Path chart, Path destination) {
    try {
      Files.createDirectories(destination);
    } catch (IOException e) {
      throw new HelmException("cannot create " + destination + ": " + e.getMessage(),
          List.of(), "", e);
    }
    List<String> args = List.of("package", absolute(chart), "--destination", absolute(destination));
    String output = run(args, false);
    Matcher matcher = PACKAGED.matcher(output);
    if (!matcher.find()) {
      throw new HelmException(describe(command(args)) + " did not say where it saved the chart:\n"
          + output.strip(), command(args), "", null);
    }
    return Path.of(matcher.group(1).strip());
  }

  private String run(List<String> args, boolean stdoutExplainsFailure) {
    List<String> command = command(args);
    if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
      throw new HelmException("helm binary " + binary + " does not exist or is not executable;"
          + " perhaps you should " + HelmLocator.HOW_TO_GET_HELM, command, "", null);
    }
    Process process = start(command);
    OutputCollector stdout = OutputCollector.start(process.getInputStream(), "helm-stdout");
    OutputCollector stderr = OutputCollector.start(process.getErrorStream(), "helm-stderr");
    if (!waitFor(process, timeout, command)) {
      kill(process);
      String err = stderr.await(KILL_GRACE);
      throw new HelmException(describe(command) + " timed out after " + timeout.toMillis()
          + " ms" + stderrSuffix(err), command, err, null);
    }
    String out = stdout.await(KILL_GRACE);
    String err = stderr.await(KILL_GRACE);
    if (stdout.overflowed() || stderr.overflowed()) {
      throw new HelmException(describe(command) + " wrote more than " + MAX_OUTPUT_BYTES
          + " bytes of output", command, err, null);
    }
    int exit = process.exitValue();
    if (exit != 0) {
      String report = stdoutExplainsFailure && !out.isBlank() ? "\n" + out.strip() : "";
      throw new HelmException(describe(command) + " failed (exit " + exit + ")"
          + stderrSuffix(err) + report, command, err, null);
    }
    return out;
  }

  private Process start(List<String> command) {
    Path cache = workDir.resolve("cache");
    Path config = workDir.resolve("config");
    Path data = workDir.resolve("data");
    try {
      Files.createDirectories(cache);
      Files.createDirectories(config);
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new HelmException("cannot create Helm's work directory " + workDir + ": "
          + e.getMessage(), command, "", e);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("HELM_"));
    env.put("HELM_CACHE_HOME", cache.toString());
    env.put("HELM_CONFIG_HOME", config.toString());
    env.put("HELM_DATA_HOME", data.toString());
    // Rendering a large umbrella is mostly allocation: collecting garbage less often takes about
    // a fifth off helm's CPU time for about 1.4 times its memory. A GOGC the user set wins.
    env.putIfAbsent("GOGC", GO_GC_PERCENT);
    try {
      Process process = builder.start();
      process.getOutputStream().close(); // helm never reads stdin here; EOF instead of a hang
      return process;
    } catch (IOException e) {
      throw new HelmException("cannot run " + describe(command) + ": " + e.getMessage()
          + "; perhaps you should " + HelmLocator.HOW_TO_GET_HELM, command, "", e);
    }
  }

  private static boolean waitFor(Process process, Duration limit, List<String> command) {
    try {
      return process.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new HelmException("interrupted while running " + describe(command), command, "", e);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    try {
      if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private List<String> command(List<String> args) {
    List<String> command = new ArrayList<>(args.size() + 1);
    command.add(binary.toString());
    command.addAll(args);
    return command;
  }

  private static void addValuesFiles(List<String> args, List<Path> valuesFiles) {
    for (Path file : valuesFiles) {
      args.add("--values");
      args.add(absolute(file));
    }
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().toString();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static String stderrSuffix(String stderr) {
    return stderr.isBlank() ? " (nothing on stderr)" : ":\n" + stderr.strip();
  }

  /** The command as one could paste it into a shell. */
  static String describe(List<String> command) {
    return command.stream().map(HelmCli::shellQuote).collect(Collectors.joining(" "));
  }

  private static String shellQuote(String arg) {
    if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./=:,+@%-]+")) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** Drains one of the child's output streams on its own thread, keeping at most a limit. */
  private static final class OutputCollector {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean overflowed;

    private OutputCollector(InputStream stream, String name) {
      this.thread = new Thread(() -> drain(stream), name);
      this.thread.setDaemon(true);
    }

    static OutputCollector start(InputStream stream, String name) {
      OutputCollector collector = new OutputCollector(stream, name);
      collector.thread.start();
      return collector;
    }

    private void drain(InputStream stream) {
      byte[] chunk = new byte[8192];
      try (stream) {
        int read;
        while ((read = stream.read(chunk)) != -1) {
          // Past the limit keep reading, so helm never blocks on a full pipe, but drop it.
          int room = MAX_OUTPUT_BYTES - buffer.size();
          if (read > room) {
            overflowed = true;
          }
          if (room > 0) {
            buffer.write(chunk, 0, Math.min(read, room));
          }
        }
      } catch (IOException e) {
        // The pipe breaks when the process is killed; what was read so far is what there is.
      }
    }

    /**
     * Waits for the stream to end. A grandchild that keeps the pipe open must not hang us, so
     * after {@code limit} this returns what it has.
     */
    String await(Duration limit) {
      try {
        thread.join(limit.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return buffer.toString(StandardCharsets.UTF_8);
    }

    boolean overflowed() {
      return overflowed;
    }
  }
}
