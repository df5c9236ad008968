package dev.chartfactory.dashboard.drift;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The config repository's URL without any credentials in it: what is shown, logged and used.
 * A token travels only as HTTP basic auth, and only over HTTPS.
 *
 * @param safe the URL without user info
 * @param hadCredentials whether the configured URL carried user info (which was dropped)
 */
public record ConfigRepoUrl(String safe, boolean hadCredentials) {

  public static ConfigRepoUrl parse(String configured) {
    String url = configured == null ? "" : configured.trim();
    if (url.isEmpty()) {
      return new ConfigRepoUrl("", false);
    }
    if (url.startsWith("http://") || url.startsWith("https://")) {
      try {
        URI uri = new URI(url);
        if (uri.getRawUserInfo() == null) {
          return new ConfigRepoUrl(url, false);
        }
        URI stripped = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        return new ConfigRepoUrl(stripped.toString(), true);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("dashboard.drift.repo-url: not a URL (" + e.getReason() + ")");
      }
    }
    return new ConfigRepoUrl(url, false);
  }

  public boolean isHttps() {
    return safe.startsWith("https://");
  }
}
