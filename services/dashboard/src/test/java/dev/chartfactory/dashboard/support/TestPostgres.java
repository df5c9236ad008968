package dev.chartfactory.dashboard.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real Postgres server (embedded binaries) for tests: one shared server per JVM with a fresh
 * database per caller, or a private server with a fixed data directory that a test can stop and
 * start again.
 */
public final class TestPostgres implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres shared;

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private TestPostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** The JVM-wide server, started on first use and stopped at exit. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = new TestPostgres(null, 0);
      shared.start();
    }
    return shared;
  }

  /** A private server keeping its data in {@code dataDirectory}, so it survives stop/start. */
  public static TestPostgres privateServer(Path dataDirectory) {
    TestPostgres postgres = new TestPostgres(dataDirectory, FreePort.find());
    postgres.start();
    return postgres;
  }

  /** Starts (or restarts) the server on the same port and data. */
  public synchronized void start() {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off");
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port);
      }
      server = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded Postgres", e);
    }
  }

  /** Stops the server; clients see connection errors until {@link #start()}. */
  public synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server == null ? port : server.getPort();
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String createDatabase(String prefix) {
    String name = prefix + "_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return jdbcUrl(name);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** A plain data source (no pool) for {@code url}, user postgres. */
  public static DataSource dataSource(String url) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser("postgres");
    dataSource.setConnectTimeout(2);
    dataSource.setSocketTimeout(10);
    return dataSource;
  }

  @Override
  public void close() {
    stop();
  }
}
