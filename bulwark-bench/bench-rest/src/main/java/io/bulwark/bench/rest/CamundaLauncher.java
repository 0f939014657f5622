package io.bulwark.bench.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Serves Camunda 7.24 through its Spring Boot REST starter ({@code bench-camunda-rest}, its own
 * classpath in {@code target/lib}) with authorization on, HTTPS from a throwaway self-signed key
 * store made by the JDK's {@code keytool}, Camunda's Basic filter, and the database of the run
 * ({@link RestDatabase}). The key store password and the administrator's password go through the
 * environment, never the command line.
 */
final class CamundaLauncher {

  private static final String ALIAS = "camunda";

  private CamundaLauncher() {}

  static RestServer start(Path module, Path workDir, Path log, RestDatabase database)
      throws IOException, InterruptedException, GeneralSecurityException {
    Path lib = module.resolve("target/lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          lib + " is missing: build with bulwark-bench/rest (it passes -Dbench.classpath)");
    }
    String storePassword = Passwords.random();
    Path keyStore = keyStore(workDir, storePassword);
    String adminPassword = Passwords.random();
    int port = ServerProcess.freePort();
    ServerProcess process =
        ServerProcess.start(
            ServerProcess.java(
                List.of(
                    "-cp",
                    module.resolve("target/classes") + java.io.File.pathSeparator + lib + "/*",
                    "io.bulwark.bench.camundarest.CamundaRestServer",
                    "--server.address=127.0.0.1",
                    "--server.port=" + port,
                    "--server.ssl.enabled=true",
                    "--server.ssl.key-store=" + keyStore,
                    "--server.ssl.key-store-type=PKCS12",
                    "--server.ssl.key-alias=" + ALIAS,
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--camunda.bpm.authorization.enabled=true",
                    "--camunda.bpm.admin-user.id=" + RestServer.ADMIN,
                    "--camunda.bpm.database.schema-update=true")),
            Map.of(
                "SERVER_SSL_KEY_STORE_PASSWORD", storePassword,
                "CAMUNDA_BPM_ADMINUSER_PASSWORD", adminPassword,
                "SPRING_DATASOURCE_PASSWORD", database.password()),
            log);
    try {
      SSLContext tls = Https.trustingOnly(certificate(keyStore, storePassword));
      URI engineRest = URI.create("https://127.0.0.1:" + port + "/engine-rest");
      process.awaitReady(
          engineRest,
          tls,
          RestClient.basic(RestServer.ADMIN, adminPassword),
          Duration.ofMinutes(5));
      return new RestServer(ServerKind.CAMUNDA, engineRest, tls, adminPassword, process);
    } catch (IOException | InterruptedException | GeneralSecurityException | RuntimeException e) {
      process.close();
      throw e;
    }
  }

  /** A self-signed EC key pair for 127.0.0.1 and localhost, valid for two days. */
  private static Path keyStore(Path workDir, String password)
      throws IOException, InterruptedException {
    Path keyStore = workDir.resolve("camunda-tls.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    ProcessBuilder builder =
        new ProcessBuilder(
            keytool.toString(),
            "-genkeypair",
            "-alias",
            ALIAS,
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost",
            "-ext",
            "san=ip:127.0.0.1,dns:localhost",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            keyStore.toString(),
            "-storepass:env",
            "BENCH_STORE_PASSWORD");
    builder.environment().put("BENCH_STORE_PASSWORD", password);
    builder.redirectErrorStream(true).redirectOutput(workDir.resolve("keytool.log").toFile());
    Process keytoolProcess = builder.start();
    if (!keytoolProcess.waitFor(2, TimeUnit.MINUTES) || keytoolProcess.exitValue() != 0) {
      throw new IllegalStateException("keytool failed; see " + workDir.resolve("keytool.log"));
    }
    return keyStore;
  }

  private static X509Certificate certificate(Path keyStore, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    return (X509Certificate) store.getCertificate(ALIAS);
  }
}
