package dev.chartfactory.core.git;

import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * Credentials in Git URLs ({@code https://user:token@host/x.git}): taken out of the URL before
 * anything is cloned, stored or printed, and hidden in any text that may still carry one (a
 * library's error message about a remote configured with one).
 */
public final class GitUrls {

  /** scheme://userinfo@ — the userinfo is what gets hidden. */
  private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s]+)@");

  private GitUrls() {}

  /**
   * {@code text} with the credentials of every URL in it replaced by {@code ***}: the password
   * of {@code user:password@}, and over HTTP(S) a lone user name too, since a token is often
   * given as the user name ({@code https://TOKEN@host}). An SSH user name ({@code ssh://git@})
   * is not a secret and stays.
   */
  public static String redact(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    Matcher matcher = USER_INFO.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String scheme = matcher.group(1);
      String userInfo = matcher.group(2);
      int colon = userInfo.indexOf(':');
      String hidden = colon >= 0 ? userInfo.substring(0, colon) + ":***"
          : scheme.toLowerCase(java.util.Locale.ROOT).startsWith("http") ? "***" : userInfo;
      matcher.appendReplacement(result, Matcher.quoteReplacement(scheme + hidden + "@"));
    }
    matcher.appendTail(result);
    return result.toString();
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
