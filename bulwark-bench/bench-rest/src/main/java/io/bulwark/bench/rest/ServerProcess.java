package io.bulwark.bench.rest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A measured server in its own JVM: the command, its log file, the readiness wait and the stop (by
 * this process's own handle only).
 */
final class ServerProcess implements AutoCloseable {

  /** Heap flags every measured server gets, so that neither has more memory. */
  static final List<String> JVM_FLAGS = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC");

  private final Process process;
  private final Path log;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ServerProcess start(List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return new ServerProcess(builder.start(), log);
  }

  static List<String> java(List<String> rest) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.addAll(rest);
    return command;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "the server exited (" + process.exitValue() + "); see " + log);
    }
  }

  /**
   * Waits until {@code GET /version} answers at all (Spring Boot opens the port once the
   * application is ready).
   */
  void awaitReady(URI engineRest, SSLContext tls, String authorization, Duration limit)
      throws InterruptedException {
    RestClient probe = new RestClient(engineRest, tls, authorization);
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      checkAlive();
      try {
        probe.status("/version");
        return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the server did not answer within " + limit + "; see " + log);
  }

  /** Waits for a file the server writes at its first start. */
  void awaitFile(Path file, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!Files.isReadable(file)) {
      checkAlive();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(file + " did not appear within " + limit + "; see " + log);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
