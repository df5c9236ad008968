package dev.chartfactory.core.check;

/** The kinds of spec file in a config repo, each with its own published JSON Schema. */
public enum SpecKind {
  FACTORY("factory.schema.json"),
  ENVIRONMENT("environment.schema.json"),
  APP("app.schema.json"),
  INSTANCE("instance.schema.json");

  private final String schemaFile;

  SpecKind(String schemaFile) {
    this.schemaFile = schemaFile;
  }

  public String schemaFile() {
    return schemaFile;
  }
}
