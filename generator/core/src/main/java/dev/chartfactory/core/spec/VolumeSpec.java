package dev.chartfactory.core.spec;

import java.util.Locale;

/**
 * A volume mounted into a component's container.
 *
 * <pre>{@code
 * volumes:
 *   - {name: data, mountPath: /var/lib/postgresql/data, size: 10Gi, storageClass: local-path}
 *   - {name: config, mountPath: /etc/app, configMap: app-config}
 *   - {name: tls, mountPath: /etc/tls, secret: app-tls}
 *   - {name: cache, mountPath: /tmp/cache, emptyDir: true}
 * }</pre>
 *
 * A volume with a {@code size} is persistent: a PersistentVolumeClaim template on a stateful
 * component, a PersistentVolumeClaim otherwise.
 */
public record VolumeSpec(
    String name,
    String mountPath,
    Kind kind,
    String size,
    String storageClass,
    String source,
    boolean readOnly,
    Origin origin) {

  /** Where the volume's content comes from. */
  public enum Kind {
    PERSISTENT,
    CONFIG_MAP,
    SECRET,
    EMPTY_DIR;

    public String id() {
      return switch (this) {
        case PERSISTENT -> "persistent";
        case CONFIG_MAP -> "configMap";
        case SECRET -> "secret";
        case EMPTY_DIR -> "emptyDir";
      };
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
