package dev.chartfactory.core.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns helm's cluster errors into messages that say what is wrong and what to check. */
final class ClusterErrors {

  private static final Pattern URL = Pattern.compile("\"(https?://[^/\"\\s]+)");
  private static final Pattern SERVER = Pattern.compile("(?m)^\\s*-?\\s*server:\\s*\"?([^\"\\s]+)");

  private ClusterErrors() {}

  static HelmException classify(HelmException e, String release, String namespace, Path kubeconfig) {
    String stderr = e.stderr();
    String lower = stderr.toLowerCase(Locale.ROOT);
    if (lower.contains("kubernetes cluster unreachable") || lower.contains("connection refused")
        || lower.contains("no such host") || lower.contains("i/o timeout")) {
      return new HelmClusterUnreachableException("no cluster reachable at " + server(stderr, kubeconfig)
          + ": check KUBECONFIG / kubectl cluster-info (helm said: " + firstLine(stderr) + ")",
          e.command(), stderr, e);
    }
    if (lower.contains("release: not found") || lower.contains("has no deployed releases")) {
      return new HelmReleaseNotFoundException("release " + release + " not found in namespace "
          + namespace + " (is it installed? 'factory deploy --env ENV' installs it)",
          e.command(), stderr, e);
    }
    return e;
  }

  private static String server(String stderr, Path kubeconfig) {
    Matcher url = URL.matcher(stderr);
    if (url.find()) {
      return url.group(1);
    }
    if (kubeconfig != null) {
      try {
        Matcher server = SERVER.matcher(Files.readString(kubeconfig));
        if (server.find()) {
          return server.group(1);
        }
      } catch (IOException ignored) {
        // fall through to the generic wording
      }
    }
    return "the server of the current kube context";
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }
}
