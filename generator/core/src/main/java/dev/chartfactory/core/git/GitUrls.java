package dev.chartfactory.core.git;

import dev.chartfactory.core.error.PrintableText;
import java.net.URISyntaxException;
import org.eclipse.jgit.transport.URIish;

/**
 * Credentials in Git URLs ({@code https://user:token@host/x.git}): taken out of the URL before
 * anything is cloned, stored or printed, and hidden in any text that may still carry one (a
 * library's error message about a remote configured with one).
 */
final class GitUrls {

  private GitUrls() {}

  /** {@code text} with the credentials of every URL in it hidden: {@link PrintableText#withoutCredentials}. */
  public static String redact(String text) {
    return PrintableText.withoutCredentials(text);
  }

  /** A URL and the credentials that were in it (null when it had none). */
  record Parsed(String url, String user, String password) {
    boolean hasCredentials() {
      return password != null || user != null;
    }
  }

  /**
   * Splits the credentials off an HTTP(S) URL; an SSH URL keeps its user name (the login, not a
   * secret) and loses only a password. A URL without credentials comes back as given.
   */
  static Parsed split(String url) {
    URIish uri;
    try {
      uri = new URIish(url);
    } catch (URISyntaxException e) {
      return new Parsed(url, null, null);
    }
    boolean http = uri.getScheme() != null && uri.getScheme().toLowerCase(java.util.Locale.ROOT).startsWith("http");
    if (uri.getPass() == null && !(http && uri.getUser() != null)) {
      return new Parsed(url, null, null);
    }
    if (!http) {
      return new Parsed(uri.setPass(null).toString(), null, null);
    }
    return new Parsed(uri.setUser(null).setPass(null).toString(), uri.getUser(), uri.getPass());
  }
}
