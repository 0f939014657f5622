package io.bulwark.server.doctor.remote;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately weak TLS server on loopback, {@code openssl s_server}: it follows the client's
 * suite order, allows client-initiated renegotiation and offers finite-field groups (T2, T3). The
 * test is skipped when {@code openssl} is missing, and fails then under {@code
 * BULWARK_TEST_REQUIRE_ALL=true} (CI).
 */
final class OpensslTestServer implements AutoCloseable {

  private final Process process;
  private final Path dir;
  private final int port;

  private OpensslTestServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  static OpensslTestServer weak() throws Exception {
    boolean present = OpensslClient.find().isPresent();
    if (!present && "true".equals(System.getenv("BULWARK_TEST_REQUIRE_ALL"))) {
      throw new AssertionError(
          "openssl is missing; required because BULWARK_TEST_REQUIRE_ALL=true");
    }
    assumeThat(present).as("openssl on the PATH").isTrue();
    Path dir = Files.createTempDirectory("bulwark-openssl-");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-days",
        "2",
        "-keyout",
        dir.resolve("key.pem").toString(),
        "-out",
        dir.resolve("cert.pem").toString());
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:" + port,
                "-www",
                "-cert",
                dir.resolve("cert.pem").toString(),
                "-key",
                dir.resolve("key.pem").toString(),
                "-groups",
                "ffdhe2048:x25519",
                // OpenSSL 3 refuses client-initiated renegotiation unless told otherwise.
                "-client_renegotiation"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    OpensslTestServer server = new OpensslTestServer(process, dir, port);
    server.awaitListening();
    return server;
  }

  String url() {
    return "https://127.0.0.1:" + port;
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    throw new AssertionError("openssl s_server did not start: " + log());
  }

  private String log() throws IOException {
    Path log = dir.resolve("server.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
