package io.bulwark.bench.driver;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's own PostgreSQL server, as bulwark-testing's PostgresCluster starts it (installed
 * {@code /usr/lib/postgresql/N/bin}, loopback, password authentication, as user {@code postgres}
 * when run as root) but with PostgreSQL's durable defaults ({@code fsync} and {@code
 * synchronous_commit} on): commit rates are what the benchmark compares. A fresh database per round
 * from {@code template0}. {@link #close()} stops it and deletes its directory. Public for the REST
 * workload ({@code bench-rest}), whose servers use it the same way.
 */
public final class BenchPostgres implements AutoCloseable {

  public static final String SUPERUSER = "bench";
  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

  private final Path base;
  private final Path bin;
  private final @Nullable String runAs;
  private final int port;
  private final String password;

  private BenchPostgres(Path base, Path bin, @Nullable String runAs, int port, String password) {
    this.base = base;
    this.bin = bin;
    this.runAs = runAs;
    this.port = port;
    this.password = password;
  }

  /** Starts a new server; fails saying why when no PostgreSQL is installed. */
  public static BenchPostgres start() throws IOException {
    Path bin =
        installedBin()
            .orElseThrow(
                () -> new IllegalStateException("no PostgreSQL under " + DEBIAN_ROOT + "/*/bin"));
    Path base = Files.createTempDirectory("bulwark-bench-pg-");
    String runAs = new UnixSystem().getUid() == 0 ? "postgres" : null;
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Files.writeString(base.resolve("pwfile"), password + "\n", StandardCharsets.UTF_8);
    if (runAs != null) {
      Commands.run(
          null, Map.of(), base.resolve("chown.log"), List.of("chown", "-R", runAs, "" + base));
    }
    BenchPostgres server = new BenchPostgres(base, bin, runAs, freePort(), password);
    server.initAndStart();
    return server;
  }

  public static Optional<Path> installedBin() throws IOException {
    if (!Files.isDirectory(DEBIAN_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
          .max(Comparator.comparing(Path::toString));
    }
  }

  private void initAndStart() throws IOException {
    Path data = base.resolve("data");
    Commands.run(
        runAs,
        Map.of(),
        base.resolve("initdb.log"),
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            SUPERUSER,
            "--pwfile=" + base.resolve("pwfile"),
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C"));
    String settings =
        String.join(
            "\n",
            "",
            "listen_addresses = '127.0.0.1'",
            "port = " + port,
            "unix_socket_directories = ''",
            "shared_buffers = 128MB",
            "max_connections = 100",
            "track_wal_io_timing = on",
            "");
    Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
    Commands.run(
        runAs, Map.of(), base.resolve("pg_ctl-start.log"), pgCtl("-w", "-t", "60", "start"));
  }

  /** Version and durability settings, printed with the results. */
  public Map<String, Object> settings() {
    return Map.of(
        "postgresql_bin",
        bin.toString(),
        "postgresql_settings",
        "fsync=on synchronous_commit=on shared_buffers=128MB (defaults), track_wal_io_timing=on,"
            + " CHECKPOINT before each round and each pgbench run");
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String password() {
    return password;
  }

  /** Creates an empty database from {@code template0}. */
  public void createDatabase(String name) {
    maintenance("CREATE DATABASE " + name + " TEMPLATE template0");
  }

  /**
   * Writes every dirty buffer now. Run before each round, so that no checkpoint (every 5 minutes,
   * spread over 4.5 of them, then a burst of file syncs) overlaps a round's few timed seconds for
   * one engine and not for another: PostgreSQL starts its checkpoint clock again from this one.
   */
  public void checkpoint() {
    maintenance("CHECKPOINT");
  }

  /**
   * The server's WAL syncs so far and the milliseconds spent in them ({@code pg_stat_wal}); a
   * pgbench run's backends report theirs when they exit, so a reading after the run includes it.
   */
  double[] walSyncs() {
    String sql = "SELECT wal_sync, wal_sync_time FROM pg_stat_wal";
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
        Statement statement = c.createStatement();
        java.sql.ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return new double[] {row.getDouble(1), row.getDouble(2)};
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  public void dropDatabase(String name) {
    maintenance("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void maintenance(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs pgbench with {@code args} against database {@code pgbench} (created and initialised on the
   * first call) and returns its output; empty when this installation has no pgbench.
   */
  Optional<String> pgbench(List<String> args) {
    Path pgbench = bin.resolve("pgbench");
    if (!Files.isExecutable(pgbench)) {
      System.out.println(
          "pgbench not found at "
              + pgbench
              + ": no physical-limit row; it comes with the Debian package postgresql"
              + " (apt-get install postgresql)");
      return Optional.empty();
    }
    List<String> command =
        new java.util.ArrayList<>(
            List.of(pgbench.toString(), "-h", "127.0.0.1", "-p", "" + port, "-U", SUPERUSER));
    command.addAll(args);
    command.add("pgbench");
    Path log = base.resolve("pgbench.log");
    return Optional.of(Commands.run(null, Map.of("PGPASSWORD", password), log, command));
  }

  private List<String> pgCtl(String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                base.resolve("data").toString(),
                "-l",
                base.resolve("postgres.log").toString()));
    command.addAll(List.of(args));
    return command;
  }

  @Override
  public void close() {
    try {
      Commands.run(runAs, Map.of(), base.resolve("pg_ctl-stop.log"), pgCtl("-m", "fast", "stop"));
    } finally {
      deleteBase();
    }
  }

  private void deleteBase() {
    try (Stream<Path> files = Files.walk(base)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + base, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
