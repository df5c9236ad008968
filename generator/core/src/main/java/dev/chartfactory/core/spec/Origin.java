package dev.chartfactory.core.spec;

import dev.chartfactory.core.error.SourceLocation;
import java.util.Map;

/**
 * Where a spec object was written: the object's own location and that of each of its fields,
 * so that cross-field rules and later stages can name the exact line to fix.
 *
 * @param path the dotted path of the object within its file, e.g. {@code components.web}
 */
public record Origin(SourceLocation location, String path, Map<String, SourceLocation> fields) {

  public Origin {
    fields = Map.copyOf(fields);
  }

  public static Origin synthetic(String file) {
    return new Origin(SourceLocation.ofFile(file), "", Map.of());
  }

  public String file() {
    return location.file();
  }

  /** The location of {@code field}, or of this object when the field was not written. */
  public SourceLocation of(String field) {
    return fields.getOrDefault(field, location);
  }

  /** The dotted path of {@code field} below this object. */
  public String pathOf(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
