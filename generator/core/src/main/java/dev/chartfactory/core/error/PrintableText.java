package dev.chartfactory.core.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from specs made safe to print on a terminal or into a CI log: control characters (C0,
 * DEL, C1, among them ESC, which starts ANSI sequences), line and paragraph separators and the
 * bidirectional overrides are written as escapes ({@code \n}, {@code \u001b}). A spec value can
 * then neither start a line of its own (GitHub Actions reads {@code ::error} at a line's start as
 * a command) nor recolour, clear or retitle the terminal, nor reorder what is shown. And a URL
 * given with credentials does not show them in a CI log.
 */
public final class PrintableText {

  /** scheme://userinfo@ — the userinfo is what gets hidden. */
  private static final Pattern USER_INFO = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\\s]+)@");

  private PrintableText() {}

  /**
   * {@code text} with the credentials of every URL in it replaced by {@code ***}: the password
   * of {@code user:password@}, and over HTTP(S) a lone user name too, since a token is often
   * given as the user name ({@code https://TOKEN@host}). An SSH user name ({@code ssh://git@})
   * is not a secret and stays.
   */
  public static String withoutCredentials(String text) {
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

  /** {@code text} with every character that is not safe to print escaped; null stays null. */
  public static String escape(String text) {
    if (text == null || text.chars().noneMatch(PrintableText::unsafe)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> {
      if (!unsafe(c)) {
        out.append((char) c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", c));
      }
    });
    return out.toString();
  }

  private static boolean unsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f)
        || c == 0x2028 || c == 0x2029 // line and paragraph separators
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069); // bidi embeddings, overrides, isolates
  }
}
