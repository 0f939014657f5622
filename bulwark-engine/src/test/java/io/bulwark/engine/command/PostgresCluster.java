package io.bulwark.engine.command;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster started from the installed server binaries (as the {@code
 * postgres} user when the tests run as root), once per JVM, stopped by a shutdown hook. To be
 * replaced by the shared extension in bulwark-testing.
 */
public final class PostgresCluster {

  private static PostgresCluster instance;

  private final int port;

  private PostgresCluster(int port) {
    this.port = port;
  }

  /** The running cluster, or empty when no PostgreSQL binaries are installed. */
  public static synchronized Optional<PostgresCluster> get() {
    if (instance == null) {
      Optional<Path> bin = findBinaries();
      if (bin.isEmpty()) {
        return Optional.empty();
      }
      instance = start(bin.get());
    }
    return Optional.of(instance);
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static Optional<Path> findBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static PostgresCluster start(Path bin) {
    try {
      int port = freePort();
      String dir = run(List.of("mktemp", "-d", "/tmp/bulwark-pg-XXXXXX")).trim();
      String data = dir + "/data";
      run(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data,
              "-U",
              "postgres",
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--no-sync"));
      String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off";
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data,
              "-o",
              options,
              "-l",
              dir + "/log",
              "-w",
              "start"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, dir)));
      return new PostgresCluster(port);
    } catch (IOException e) {
      throw new IllegalStateException("could not start PostgreSQL", e);
    }
  }

  private static void stop(Path bin, String dir) {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(), "-D", dir + "/data", "-m", "immediate", "stop"));
      run(List.of("rm", "-rf", dir));
    } catch (IOException | IllegalStateException ignored) {
      // Best effort at JVM exit; the directory is under /tmp.
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String run(List<String> command) throws IOException {
    List<String> full = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name").toLowerCase(Locale.ROOT))) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(command + " failed: " + output);
    }
    return output;
  }
}
