package io.bulwark.server.doctor.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openssl s_client} command, for what Java 17's TLS client cannot do: offer chosen key
 * exchange groups, and offer suites in a chosen order (T3). Used only when {@code openssl} is on
 * the {@code PATH}.
 */
final class OpensslClient {

  private static final long TIMEOUT_SECONDS = 10;

  private final String program;

  private OpensslClient(String program) {
    this.program = program;
  }

  /** The {@code openssl} on the {@code PATH}, if there is one. */
  static Optional<OpensslClient> find() {
    for (String dir :
        System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "openssl"))) {
        return Optional.of(new OpensslClient(Path.of(dir, "openssl").toString()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a handshake with the target succeeds when the client offers only these groups.
   *
   * @param protocolFlag {@code -tls1_3} or {@code -tls1_2}
   * @param groups colon-separated OpenSSL group names
   */
  boolean handshakes(ProbeTarget target, String protocolFlag, String groups) {
    return connect(target, protocolFlag, "-groups", groups).contains("CONNECTION ESTABLISHED");
  }

  /**
   * The suite the server picks from these TLS 1.2 suites, offered in this order (OpenSSL keeps the
   * order; Java's client does not); empty when there is no handshake.
   */
  Optional<String> tls12Suite(ProbeTarget target, String cipherList) {
    for (String line : connect(target, "-tls1_2", "-cipher", cipherList).split("\n", -1)) {
      if (line.startsWith("Ciphersuite: ")) {
        return Optional.of(line.substring("Ciphersuite: ".length()).trim());
      }
    }
    return Optional.empty();
  }

  private String connect(ProbeTarget target, String protocolFlag, String option, String value) {
    List<String> command =
        List.of(
            program,
            "s_client",
            "-connect",
            target.authority(),
            "-brief",
            protocolFlag,
            option,
            value);
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "";
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
