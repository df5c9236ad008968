package dev.chartfactory.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A reference to a port of another component's Service, written inside an {@code env} value and
 * resolved per environment to the Service's DNS name and port.
 *
 * <pre>{@code
 * env:
 *   CATALOG_ADDR: ${ref:catalog.api.http}            # catalog-api:8080, or catalog-api.shop-catalog.svc:8080
 *   CATALOG_URL: ${ref:catalog.api.http:url}/v1      # http://catalog-api:8080/v1
 *   DB_HOST: ${ref:database.postgres:host}           # the primary port when no port is named
 *   DB_PORT: ${ref:database.postgres:port}           # 5432
 *   LITERAL: $${ref:not.a.reference}                 # the text ${ref:not.a.reference}
 * }</pre>
 *
 * @param app the callee's app
 * @param component the callee's component in that app
 * @param port the name of one of the component's ports, or null for its primary (first) port
 * @param form what the reference becomes
 * @param text the reference as written, {@code ${ref:…}}
 */
public record ServiceReference(String app, String component, String port, Form form, String text) {

  /** Where a reference starts. Any other {@code ${…}} is literal text. */
  public static final String START = "${ref:";
  /** {@code $${ref:} is the literal text {@code ${ref:}. */
  public static final String ESCAPED_START = "$" + START;
  public static final String EXPECTED = "expected ${ref:<app>.<component>[.<port>][:address|url|host|port]}";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** What a reference becomes; the default is {@link #ADDRESS}. */
  public enum Form {
    /** {@code host:port}. */
    ADDRESS,
    /** {@code <protocol>://host:port}, e.g. {@code http://catalog-api:8080}. */
    URL,
    /** The host name only. */
    HOST,
    /** The Service port number only. */
    PORT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
      return java.util.Arrays.stream(values()).map(Form::id).toList();
    }
  }

  /**
   * A piece of an env value: literal text (escapes undone), or a reference.
   *
   * @param literal the text, or null for a reference
   * @param reference the reference, or null for literal text
   */
  public record Part(String literal, ServiceReference reference) {}

  /**
   * An env value taken apart.
   *
   * @param parts the literal text and references in order (empty when {@code error} is set)
   * @param error what is wrong with the syntax, or null
   */
  public record Parsed(List<Part> parts, String error) {
    public Parsed {
      parts = List.copyOf(parts);
    }

    public List<ServiceReference> references() {
      return parts.stream().map(Part::reference).filter(java.util.Objects::nonNull).toList();
    }
  }

  /** Whether the value holds a reference or an escaped one, i.e. whether it must be parsed. */
  public static boolean mentionedIn(String value) {
    return value != null && value.contains(START);
  }

  /** Takes a value apart into literal text and references. */
  public static Parsed parse(String value) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      if (value.startsWith(ESCAPED_START, i)) {
        literal.append(START);
        i += ESCAPED_START.length();
      } else if (value.startsWith(START, i)) {
        int end = value.indexOf('}', i);
        if (end < 0) {
          return new Parsed(List.of(), "'" + value.substring(i) + "' has no closing '}' (" + EXPECTED
              + "; write $${ref: for the literal text)");
        }
        String text = value.substring(i, end + 1);
        String written = text.substring(START.length(), text.length() - 1);
        int colon = written.indexOf(':');
        String form = colon < 0 ? null : written.substring(colon + 1);
        if (form != null && !Form.ids().contains(form)) {
          String hint = dev.chartfactory.core.error.Suggestions.hint(form, Form.ids());
          return new Parsed(List.of(), "'" + text + "' asks for the form '" + form + "' (expected one of: "
              + String.join(", ", Form.ids()) + ")" + (hint == null ? "" : "; " + hint));
        }
        ServiceReference reference = reference(text);
        if (reference == null) {
          return new Parsed(List.of(), "'" + text + "' is not a reference (" + EXPECTED + ")");
        }
        if (!literal.isEmpty()) {
          parts.add(new Part(literal.toString(), null));
          literal.setLength(0);
        }
        parts.add(new Part(null, reference));
        i = end + 1;
      } else {
        literal.append(value.charAt(i));
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Part(literal.toString(), null));
    }
    return new Parsed(parts, null);
  }

  /** {@code ${ref:app.component[.port][:form]}} as a reference, or null when it is malformed. */
  private static ServiceReference reference(String text) {
    String body = text.substring(START.length(), text.length() - 1);
    String[] targetAndForm = body.split(":", -1);
    if (targetAndForm.length > 2) {
      return null;
    }
    Form form = Form.ADDRESS;
    if (targetAndForm.length == 2) {
      form = Form.valueOf(targetAndForm[1].toUpperCase(Locale.ROOT));
    }
    String[] names = targetAndForm[0].split("\\.", -1);
    if (names.length < 2 || names.length > 3) {
      return null;
    }
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        return null;
      }
    }
    return new ServiceReference(names[0], names[1], names.length == 3 ? names[2] : null, form, text);
  }

  /** {@code app.component}, as people name the callee. */
  public String target() {
    return app + "." + component;
  }
}
