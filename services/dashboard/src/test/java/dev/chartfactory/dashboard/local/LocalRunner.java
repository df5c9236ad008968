package dev.chartfactory.dashboard.local;

import dev.chartfactory.dashboard.DashboardApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;

/**
 * {@code make run-dashboard} without a database at hand: starts a real Postgres from the embedded
 * binaries (data kept in {@code services/dashboard/.local-pg}), creates {@code k8s_metrics}, and
 * runs the dashboard with the {@code local} profile against the current kubeconfig, or with
 * {@code DEMO=true} against {@link DemoCluster} (no cluster needed).
 */
public final class LocalRunner {

  public static void main(String[] args) throws Exception {
    Path data = Path.of(System.getProperty("dashboard.local.data", ".local-pg")).toAbsolutePath();
    boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
    int port = Integer.getInteger("dashboard.local.db-port", 54329);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
    String database = System.getenv().getOrDefault("DB_NAME", "k8s_metrics");
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
      if (!rs.next()) {
        s.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
      }
    }
    System.out.printf("dashboard: Postgres %s on 127.0.0.1:%d (data in %s)%n", fresh ? "initialised" : "started", port, data);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (Exception e) {
        // the process is exiting anyway
      }
    }));
    List<String> appArgs = new ArrayList<>(List.of(
        "--spring.profiles.active=local",
        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/" + database,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password="));
    if ("true".equalsIgnoreCase(System.getenv("DEMO"))) {
      String namespace = System.getenv().getOrDefault("NAMESPACE", "platform").split(",")[0].trim();
      var demo = DemoCluster.start(namespace);
      System.out.printf("dashboard: DEMO=true, made-up objects in namespace %s on Fabric8's mock API server %s%n", namespace, demo.url());
      appArgs.add("--dashboard.kubernetes.master-url=" + demo.url());
      appArgs.add("--dashboard.namespaces=" + namespace);
      appArgs.add("--dashboard.demo=true");
    }
    appArgs.addAll(List.of(args));
    SpringApplication.run(DashboardApplication.class, appArgs.toArray(String[]::new));
  }
}
