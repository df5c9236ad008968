package dev.chartfactory.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a config repo of N apps × 3 components × 3 environments for benchmarks. */
public final class SyntheticRepo {

  private SyntheticRepo() {}

  /** {@code SyntheticRepo DIR [APPS]}: writes the repo for benchmarks run from a shell. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 1000);
  }

  public static Path write(Path root, int apps) throws IOException {
    Files.createDirectories(root.resolve("environments"));
    Files.writeString(root.resolve("factory.yaml"), """
        registry: localhost:5000
        defaults:
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
        """);
    for (String env : new String[] {"dev", "staging", "prod"}) {
      Files.writeString(root.resolve("environments/" + env + ".yaml"),
          "name: " + env + "\n" + (env.equals("dev") ? "dev: true\n" : "") + "domain: " + env + ".example.com\n"
              + (env.equals("prod") ? "namespacePrefix: p-\n" : ""));
    }
    for (int i = 0; i < apps; i++) {
      String app = String.format("app%04d", i);
      Path dir = root.resolve("apps/" + app);
      Files.createDirectories(dir.resolve("instances"));
      Files.writeString(dir.resolve("app.yaml"), appYaml(app));
      for (String env : new String[] {"dev", "staging", "prod"}) {
        Files.writeString(dir.resolve("instances/" + env + ".yaml"), instanceYaml(env, i));
      }
    }
    return root;
  }

  static String appYaml(String app) {
    return """
        name: %s
        description: synthetic app %s
        version: 1.0.0
        components:
          web:
            type: webapp
            image: %s-web
            port: 8080
            visibility: public
            probes:
              liveness: {http: {path: /health}}
              readiness: {http: {path: /ready}}
            autoscaling: {min: 2, max: 5, cpuPercent: 70}
            env: {LOG_LEVEL: info, FEATURE_X: "true"}
            secretEnv: {DB_PASSWORD: {secret: %s-db, key: password}}
          worker:
            type: worker
            image: %s-worker
            replicas: 2
            env: {QUEUE: %s-jobs}
          nightly:
            type: cron
            image: %s-tools
            schedule: "0 3 * * *"
            command: [./prune, --days=30]
        """.formatted(app, app, app, app, app, app, app);
  }

  static String instanceYaml(String env, int index) {
    return switch (env) {
      case "prod" -> "version: 1.0." + (index % 7) + "\ncomponents:\n  web: {replicas: 3, autoscaling: {max: 10}}\n";
      case "staging" -> "version: 1.1.0\n";
      default -> "version: 1.2.0-dev\ncomponents:\n  worker: {replicas: 1}\n";
    };
  }
}
