package dev.chartfactory.core.spec;

/**
 * The one place that holds the values a spec gets when it leaves a field out. Defaults only fill
 * what is unset; a value a user wrote is never replaced.
 */
public final class SpecDefaults {

  private SpecDefaults() {}

  public static final String REGISTRY = "localhost:5000";
  public static final String UMBRELLA_NAME = "platform";
  public static final String UMBRELLA_NAMESPACE = "platform";
  public static final String UMBRELLA_VERSION = "0.1.0";
  public static final boolean CERT_MANAGER_ENABLED = true;
  public static final String CERT_MANAGER_ISSUER = "factory-self-ca";
  /** The version of a generated app chart when {@code chartVersion} is not set. */
  public static final String CHART_VERSION = "0.1.0";
  public static final int REPLICAS = 1;
  /** The image tag when neither instance, app version nor defaults name one. */
  public static final String UNVERSIONED_TAG = "latest";
}
