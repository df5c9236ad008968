package dev.chartfactory.core.resolve;

/**
 * A fully qualified container image: {@code localhost:5000/shop-web:1.4.2}.
 *
 * @param registry host[:port][/path] or empty when the image is taken as written
 * @param repository the image name within the registry
 * @param tag the tag, or null when a digest pins the image
 * @param digest {@code sha256:…} or null
 */
public record ImageRef(String registry, String repository, String tag, String digest) {

  /** Splits {@code image} as written in a spec and qualifies it with {@code defaultRegistry}. */
  public static ImageRef parse(String image, String defaultRegistry, String defaultTag) {
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String registry = defaultRegistry == null ? "" : defaultRegistry;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      // As Docker decides: a first part with '.' or ':' or 'localhost' names a registry.
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (tag == null && digest == null) {
      tag = defaultTag;
    }
    return new ImageRef(registry, rest, tag, digest);
  }

  public ImageRef withTag(String newTag) {
    return new ImageRef(registry, repository, newTag, digest);
  }

  /** registry/repository, the part Helm values call {@code image.repository}. */
  public String name() {
    return registry.isEmpty() ? repository : registry + "/" + repository;
  }

  public String reference() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  @Override
  public String toString() {
    return reference();
  }
}
