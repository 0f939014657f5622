package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * testssl.sh (the Debian package {@code testssl.sh}) scans a started default server from outside
 * (T2, T3, T5; issue 17) and finds nothing of severity LOW or above beyond what a generated
 * self-signed certificate must show. Skipped when testssl is not installed; fails then under {@code
 * BULWARK_TEST_REQUIRE_ALL=true} (CI, whose {@code .ci/run} installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsScanByTestsslIT {

  static final String REQUIRE_ALL = "BULWARK_TEST_REQUIRE_ALL";

  /** Severities testssl.sh reports that the scan must not show (beyond the allowances). */
  static final Set<String> FAILING = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

  /**
   * The findings a generated self-signed certificate (T4: the first-run default) must produce; a
   * real certificate from a CA has none of them.
   */
  static final Set<String> SELF_SIGNED_ALLOWANCES =
      Set.of(
          // Not signed by a trusted CA: "failed (self signed)".
          "cert_chain_of_trust",
          // No CRL distribution point and no OCSP URL: a self-signed certificate has no CA to ask.
          "cert_revocation",
          // No CAA record in DNS for the host name: the test scans "localhost", which has none.
          "DNS_CAArecord");

  /**
   * The checks run, chosen to keep the scan short: protocols, standard suite categories, forward
   * secrecy (with the groups), the server's suite order, server defaults (certificate, session
   * tickets), HTTP headers, renegotiation, Heartbleed and CCS injection. The remaining
   * vulnerability checks of {@code -U} concern CBC, RC4, SSLv2/3 and RSA key exchange, which T2 and
   * T3 exclude and the checks above would show offered.
   */
  static final List<String> CHECKS = List.of("-p", "-s", "-f", "-P", "-S", "-h", "-R", "-H", "-I");

  private static final Logger LOG = LoggerFactory.getLogger(TlsScanByTestsslIT.class);

  @Autowired Environment environment;

  @Test
  void t2_t3_t5_testsslFindsNothingBeyondTheSelfSignedAllowances() throws Exception {
    Optional<Path> testssl = find();
    if (testssl.isEmpty() && "true".equals(System.getenv(REQUIRE_ALL))) {
      throw new AssertionError("testssl.sh is missing; required because " + REQUIRE_ALL + "=true");
    }
    assumeThat(testssl).as("testssl or testssl.sh on the PATH").isPresent();
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    Path dir = Files.createTempDirectory("bulwark-testssl-");
    Path json = dir.resolve("scan.json");
    List<String> command = new ArrayList<>();
    command.add(testssl.get().toString());
    command.addAll(
        List.of(
            "--quiet",
            "--warnings",
            "off",
            "--color",
            "0",
            "--fast",
            "--ip",
            "127.0.0.1",
            "--connect-timeout",
            "10",
            "--openssl-timeout",
            "10",
            "--jsonfile",
            json.toString()));
    command.addAll(CHECKS);
    command.add("https://localhost:" + port);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("scan.log").toFile())
            .start();
    process.getOutputStream().close();
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String log = Files.readString(dir.resolve("scan.log"));
    assertThat(ended).as("testssl finished within 10 minutes:\n" + log).isTrue();
    assertThat(json).as(log).exists();

    JsonNode findings = JsonMapper.builder().build().readTree(json.toFile());
    Map<String, Integer> bySeverity = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> allowed = new ArrayList<>();
    for (JsonNode finding : findings) {
      String id = finding.get("id").asString();
      String severity = finding.get("severity").asString();
      bySeverity.merge(severity, 1, Integer::sum);
      if (!FAILING.contains(severity)) {
        continue;
      }
      String line = severity + " " + id + ": " + finding.get("finding").asString();
      (SELF_SIGNED_ALLOWANCES.contains(id) ? allowed : failures).add(line);
    }
    LOG.info(
        "testssl.sh scan of a default server: {} s, {} findings by severity {}; allowed: {}",
        String.format(java.util.Locale.ROOT, "%.1f", seconds),
        findings.size(),
        bySeverity,
        allowed);
    assertThat(findings.size()).as("testssl reported findings:\n" + log).isGreaterThan(20);
    assertThat(failures).as("testssl findings of severity LOW or above:\n" + log).isEmpty();
    deleteTree(dir);
  }

  private static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      for (String name : List.of("testssl", "testssl.sh")) {
        Path candidate = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }
}
