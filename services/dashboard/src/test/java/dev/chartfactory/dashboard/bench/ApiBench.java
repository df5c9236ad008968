package dev.chartfactory.dashboard.bench;

import dev.chartfactory.dashboard.cluster.ClusterSource;
import dev.chartfactory.dashboard.support.FreePort;
import dev.chartfactory.dashboard.support.TestCluster;
import dev.chartfactory.dashboard.support.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API figure: with 10,000 pods known, runs {@code wrk} on 127.0.0.1 against /api/pods and
 * /api/stats, once paced at about 200 requests/s and once flat out; prints p50/p99 and requests/s.
 */
public final class ApiBench {

  private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+(\\S+)\\s*$", Pattern.MULTILINE);
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+(\\S+)");

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int seconds = Integer.getInteger("bench.seconds", 15);
    TestPostgres postgres = TestPostgres.shared();
    try (TestCluster cluster = new TestCluster()) {
      BenchSupport.parallel(pods, 4, i -> cluster.client().pods().inNamespace("platform")
          .resource(BenchSupport.pod(i, i % 10 == 0 ? "Pending" : "Running")).create());
      for (int d = 0; d < 50; d++) {
        cluster.createDeployment("platform", "svc-" + d, 3, 3, Map.of("helm.sh/chart", "svc-" + d + "-0.1.0"));
      }
      int port = FreePort.find();
      var app = BenchSupport.startApp(postgres.createDatabase("api"), cluster, port, Map.of());
      ClusterSource source = app.getBean(ClusterSource.class);
      while (source.pods("platform").size() < pods) {
        Thread.sleep(100);
      }
      var writer = app.getBean(dev.chartfactory.dashboard.store.ChangeWriter.class);
      while (writer.writtenCount() < pods + 50L) {
        Thread.sleep(100); // let the initial writes finish: the figure is about serving
      }
      for (String endpoint : new String[] {"/api/pods", "/api/stats"}) {
        wrk("http://127.0.0.1:" + port + endpoint, 10, 4, null); // JIT warm-up, not reported
      }
      System.out.printf("api: %d pods and 50 deployments known; wrk for %d s per run on 127.0.0.1:%d%n", pods, seconds, port);
      Path pace = Files.createTempFile("pace", ".lua");
      // 6 connections, each waiting 20 ms between requests: about 200-230 requests/s in total.
      Files.writeString(pace, "function delay()\n  return 20\nend\n");
      for (String endpoint : new String[] {"/api/pods", "/api/stats"}) {
        String url = "http://127.0.0.1:" + port + endpoint;
        report(endpoint, "paced ~200 req/s", wrk(url, seconds, 6, pace));
        report(endpoint, "flat out, 8 connections", wrk(url, seconds, 8, null));
      }
      app.close();
    } finally {
      postgres.stop();
    }
    System.exit(0);
  }

  private static String wrk(String url, int seconds, int connections, Path script) throws IOException, InterruptedException {
    var command = new java.util.ArrayList<>(java.util.List.of(
        "wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
        "-H", "Authorization: Bearer " + BenchSupport.BENCH_TOKEN));
    if (script != null) {
      command.add("-s");
      command.add(script.toString());
    }
    command.add(url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + output);
    }
    return output;
  }

  private static void report(String endpoint, String mode, String output) {
    String p50 = "?";
    String p99 = "?";
    Matcher m = PERCENTILE.matcher(output);
    while (m.find()) {
      if (m.group(1).equals("50")) {
        p50 = m.group(2);
      } else {
        p99 = m.group(2);
      }
    }
    Matcher rate = RATE.matcher(output);
    String rps = rate.find() ? rate.group(1) : "?";
    boolean non2xx = output.contains("Non-2xx");
    System.out.printf("API %-11s %-24s p50=%-9s p99=%-9s requests/s=%s%s%n", endpoint, mode, p50, p99, rps,
        non2xx ? "  (NON-2XX RESPONSES!)" : "");
  }
}
