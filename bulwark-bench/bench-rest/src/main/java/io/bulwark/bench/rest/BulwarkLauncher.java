package io.bulwark.bench.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Serves Bulwark as its users do ({@code java -jar bulwark.jar serve}) on a fresh data directory,
 * with the database of the run ({@link RestDatabase}) and the API rate limits raised (W14: the
 * workload is one user sending thousands of requests a second); takes the generated certificate as
 * the only trusted one and replaces the one-time administrator password (A2).
 */
final class BulwarkLauncher {

  private BulwarkLauncher() {}

  static RestServer start(Path jar, Path workDir, Path log)
      throws IOException, InterruptedException, GeneralSecurityException {
    return start(jar, workDir, log, RestDatabase.h2("bulwark"));
  }

  static RestServer start(Path jar, Path workDir, Path log, RestDatabase database)
      throws IOException, InterruptedException, GeneralSecurityException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: ./mvnw package -pl bulwark-cli -am");
    }
    Path dataDir = workDir.resolve("bulwark-data");
    Path config = workDir.resolve("bulwark-bench.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "bulwark.database.url=" + database.url(),
            "bulwark.database.username=" + database.username(),
            "bulwark.api.rate-limit.per-principal=100000",
            "bulwark.api.rate-limit.per-address=100000",
            ""),
        StandardCharsets.UTF_8);
    int port = ServerProcess.freePort();
    ServerProcess process =
        ServerProcess.start(
            ServerProcess.java(
                List.of(
                    "-jar",
                    jar.toString(),
                    "serve",
                    "--data-dir",
                    dataDir.toString(),
                    "--port",
                    Integer.toString(port),
                    "--config",
                    config.toString())),
            Map.of("BULWARK_DATABASE_PASSWORD", database.password()),
            log);
    try {
      Path certificate = dataDir.resolve("tls/server.crt");
      Path oneTime = dataDir.resolve("initial-admin-password");
      process.awaitFile(oneTime, Duration.ofMinutes(5));
      process.awaitFile(certificate, Duration.ofMinutes(1));
      SSLContext tls = Https.trustingOnly(Https.readCertificate(certificate));
      URI engineRest = URI.create("https://127.0.0.1:" + port + "/engine-rest");
      String first = Files.readString(oneTime, StandardCharsets.UTF_8).strip();
      process.awaitReady(
          engineRest, tls, RestClient.basic(RestServer.ADMIN, first), Duration.ofMinutes(5));
      String password = Passwords.random();
      new RestClient(engineRest, tls, RestClient.basic(RestServer.ADMIN, first))
          .put(
              "/user/" + RestServer.ADMIN + "/credentials",
              Map.of("password", password, "authenticatedUserPassword", first));
      return new RestServer(ServerKind.BULWARK, engineRest, tls, password, process);
    } catch (IOException | InterruptedException | GeneralSecurityException | RuntimeException e) {
      process.close();
      throw e;
    }
  }
}
