package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./bulwark serve} as a process and probes it from outside (T1–T4). The server
 * JVM and this client JVM both have TLS 1.0/1.1 re-enabled in the JDK security properties, so a
 * refused old protocol proves Bulwark's own policy, not the JDK's default.
 */
class ServeCommandIT {

  // JDK 17's default minus TLSv1 and TLSv1.1; set before this JVM loads any TLS class.
  private static final String RELAXED =
      "SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL";

  static {
    Security.setProperty("jdk.tls.disabledAlgorithms", RELAXED);
  }

  @TempDir static Path dir;

  private static Process server;
  private static int port;
  private static Path output;

  @BeforeAll
  static void startServer() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    assertThat(root.resolve("bulwark-cli/target/bulwark.jar")).exists();
    Path security =
        Files.writeString(
            dir.resolve("relaxed.security"), "jdk.tls.disabledAlgorithms=" + RELAXED + "\n");
    port = freePort();
    output = dir.resolve("server.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "./bulwark",
                "serve",
                "--data-dir",
                dir.resolve("data").toString(),
                "--port",
                String.valueOf(port))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "BULWARK_SKIP_BUILD",
                "1",
                "BULWARK_JAVA_OPTS",
                "-Djava.security.properties=" + security));
    long started = System.nanoTime();
    server = builder.start();
    awaitHttps(Duration.ofSeconds(180));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf(Locale.ROOT, "bulwark serve: HTTPS answered %d ms after launch%n", millis);
    System.out.printf(Locale.ROOT, "bulwark serve: resident memory %s KiB%n", rss(server.pid()));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void t1_plainHttpToTlsPortGetsNoContent() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 5000);
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer;
      try {
        answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
      } catch (IOException reset) {
        answer = "";
      }
      assertThat(answer).doesNotContainPattern("HTTP/1\\.[01] [23]\\d\\d");
      assertThat(answer).doesNotContain("Set-Cookie").doesNotContain("WWW-Authenticate");
    }
  }

  @Test
  void t2_refusesTls11AndTls10() throws Exception {
    for (String protocol : List.of("TLSv1.1", "TLSv1")) {
      try (SSLSocket socket = open(protocol)) {
        socket.startHandshake();
        throw new AssertionError(protocol + " was accepted");
      } catch (SSLHandshakeException refused) {
        // The server's alert, not a client-side refusal ("No appropriate protocol").
        assertThat(refused.getMessage()).as(protocol).contains("protocol_version");
      }
    }
  }

  @Test
  void t2_acceptsTls13AndTls12() throws Exception {
    for (String protocol : List.of("TLSv1.3", "TLSv1.2")) {
      try (SSLSocket socket = open(protocol)) {
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
      }
    }
  }

  @Test
  void t2_t3_opensslProbes() throws Exception {
    assumeThat(onPath("openssl")).as("openssl on the PATH").isTrue();
    assertThat(openssl("-tls1_3")).contains("New, TLSv1.3");
    assertThat(openssl("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"))
        .contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256");
    assertThat(openssl("-tls1_2", "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305"))
        .contains("Cipher is ECDHE-ECDSA-CHACHA20-POLY1305");
    for (String cbcOrStatic :
        List.of(
            "ECDHE-ECDSA-AES128-SHA256",
            "ECDHE-ECDSA-AES256-SHA",
            "AES128-GCM-SHA256",
            "AES256-SHA")) {
      assertThat(openssl("-tls1_2", "-cipher", cbcOrStatic))
          .as(cbcOrStatic)
          .contains("Cipher is (NONE)")
          .contains("alert handshake failure");
    }
    for (String old : List.of("-tls1_1", "-tls1")) {
      assertThat(openssl(old, "-cipher", "DEFAULT@SECLEVEL=0"))
          .as(old)
          .contains("alert protocol version");
    }
  }

  /** T3 from outside: the server's suite order wins, and finite-field groups are refused. */
  @Test
  void t3_opensslSeesServerOrderAndNoFiniteFieldGroups() throws Exception {
    assumeThat(onPath("openssl")).as("openssl on the PATH").isTrue();
    assertThat(
            openssl(
                "-tls1_2",
                "-cipher",
                "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES256-GCM-SHA384"
                    + ":ECDHE-ECDSA-AES128-GCM-SHA256"))
        .contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256");
    assertThat(
            openssl(
                "-tls1_3",
                "-ciphersuites",
                "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256"))
        .contains("Cipher is TLS_AES_128_GCM_SHA256");
    for (String protocol : List.of("-tls1_3", "-tls1_2")) {
      assertThat(openssl(protocol, "-groups", "ffdhe2048"))
          .as(protocol + " with ffdhe2048 only")
          .contains("Cipher is (NONE)");
    }
    assertThat(openssl("-tls1_3", "-groups", "x25519")).contains("New, TLSv1.3");
  }

  /**
   * T2 from outside: openssl's renegotiation command (R) is never completed; the server ends the
   * connection by its keep-alive timeout (10 s). Tomcat's NIO connector does not pass on the JDK's
   * refusal alert, so s_client sees an end of stream rather than an alert (issue 17).
   */
  @Test
  void t2_opensslRenegotiationIsNeverCompleted() throws Exception {
    assumeThat(onPath("openssl")).as("openssl on the PATH").isTrue();
    Process process =
        new ProcessBuilder("openssl", "s_client", "-connect", "localhost:" + port, "-tls1_2")
            .redirectErrorStream(true)
            .start();
    java.io.OutputStream in = process.getOutputStream();
    TimeUnit.SECONDS.sleep(2);
    in.write("R\n".getBytes(StandardCharsets.US_ASCII));
    in.flush();
    boolean ended = process.waitFor(25, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the server ended the connection after R: " + out).isTrue();
    assertThat(out).contains("RENEGOTIATING").containsPattern("unexpected eof|alert");
    // s_client reports the self-signed certificate once per handshake: the second never came.
    assertThat(out.split("verify error:num=18", -1)).as("one handshake only: " + out).hasSize(2);
  }

  @Test
  void t4_printsFingerprintOfTheServedSelfSignedCertificate() throws Exception {
    X509Certificate[] presented = new X509Certificate[1];
    try (SSLSocket socket = open("TLSv1.3", presented)) {
      socket.startHandshake();
    }
    String fingerprint =
        HexFormat.ofDelimiter(":")
            .formatHex(MessageDigest.getInstance("SHA-256").digest(presented[0].getEncoded()))
            .toUpperCase(Locale.ROOT);
    assertThat(log()).contains("TLS certificate SHA-256 fingerprint: " + fingerprint);
    Path data = dir.resolve("data");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("tls/server.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void logsStartupTimeWithoutBannerOrServerHeader() throws Exception {
    Matcher started = Pattern.compile("started in (\\d+\\.\\d) s").matcher(log());
    assertThat(started.find()).isTrue();
    assertThat(log()).doesNotContain(":: Spring Boot ::");
    try (SSLSocket socket = open("TLSv1.3")) {
      socket
          .getOutputStream()
          .write(
              "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 ");
      assertThat(response.lines().takeWhile(l -> !l.isEmpty()))
          .noneMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("server:"));
    }
  }

  /**
   * O1: the remote audit of a server started with every default reports no FAIL, and proves the
   * transport and web requirements one by one (the weak counterpart is in RemoteProbeIT).
   */
  @Test
  void o1_doctorRemoteReportsNoFailAgainstDefaultDevServer() throws Exception {
    Path report = dir.resolve("doctor.json");
    ProcessBuilder builder =
        new ProcessBuilder("./bulwark", "doctor", "--remote", "https://localhost:" + port, "--json")
            .directory(Path.of("..").toAbsolutePath().normalize().toFile())
            .redirectErrorStream(false)
            .redirectOutput(report.toFile())
            .redirectError(dir.resolve("doctor.err").toFile());
    builder.environment().put("BULWARK_SKIP_BUILD", "1");
    Process doctor = builder.start();
    assertThat(doctor.waitFor(120, TimeUnit.SECONDS)).as("doctor finished").isTrue();
    String json = Files.readString(report);

    assertThat(doctor.exitValue()).as(json).isZero();
    assertThat(json).contains("\"fail\":0").doesNotContain("\"status\":\"FAIL\"");
    // T2 includes the renegotiation refusal, now answered with an alert instead of silence.
    for (String id : List.of("T1", "T2", "T3", "T5", "W1", "W3", "W4", "W5", "A1", "W7")) {
      assertThat(json).as(id).containsPattern("\"id\":\"" + id + "\",\"status\":\"PASS\"");
    }
    // Every baseline ID is reported; what is not built is NOT-IMPLEMENTED, also remotely.
    for (String id : List.of("A12", "A13", "D1")) {
      assertThat(json)
          .as(id)
          .containsPattern("\"id\":\"" + id + "\",\"status\":\"NOT-IMPLEMENTED\"");
    }
    assertThat(json).contains("\"id\":\"O7\"", "\"id\":\"E8\"");
  }

  private static String log() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static SSLSocket open(String protocol) throws Exception {
    return open(protocol, new X509Certificate[1]);
  }

  /** A client socket accepting any certificate (the test checks it by fingerprint instead). */
  private static SSLSocket open(String protocol, X509Certificate[] presented) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
              throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
              presented[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
    socket.setSoTimeout(10_000);
    socket.setEnabledProtocols(new String[] {protocol});
    return socket;
  }

  private static String openssl(String... options) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", "localhost:" + port));
    command.addAll(List.of(options));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(20, TimeUnit.SECONDS);
    return out;
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  private static void awaitHttps(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("server exited " + server.exitValue() + ":\n" + log());
      }
      try (SSLSocket socket = open("TLSv1.3")) {
        socket
            .getOutputStream()
            .write(
                "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        if (new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)
            .startsWith("HTTP/1.1 ")) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("no HTTPS answer within " + timeout + ":\n" + log());
  }

  private static String rss(long pid) throws Exception {
    Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).start();
    return new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
