package io.bulwark.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Finds the server certificate the settings point at (T4): a PEM pair, a PKCS#12 key store, or the
 * self-signed certificate kept in {@code DATA_DIR/tls/}, generated on the first start.
 */
public final class ServerCertificates {

  /** Environment variable holding the key store password when no password file is set (D3). */
  public static final String KEYSTORE_PASSWORD_ENV = "BULWARK_TLS_KEYSTORE_PASSWORD";

  private final TlsSettings settings;
  private final Path tlsDir;
  private final UnaryOperator<String> environment;
  private final Clock clock;

  /**
   * @param settings the TLS settings
   * @param dataDir the server's data directory; the generated certificate lives in its {@code tls}
   * @param environment reads an environment variable; {@code System::getenv} outside tests
   * @param clock the clock for the generated certificate's validity
   */
  public ServerCertificates(
      TlsSettings settings, Path dataDir, UnaryOperator<String> environment, Clock clock) {
    this.settings = settings;
    this.tlsDir = dataDir.resolve("tls");
    this.environment = environment;
    this.clock = clock;
  }

  /** The generated certificate file. */
  public Path generatedCertificateFile() {
    return tlsDir.resolve("server.crt");
  }

  /** The generated private key file (mode 0600). */
  public Path generatedKeyFile() {
    return tlsDir.resolve("server.key");
  }

  private static Path pemFile(@Nullable Path file, String setting) {
    if (file == null) {
      throw new TlsConfigurationException(
          "bulwark.tls." + setting + " is missing: PEM needs the certificate and the private key");
    }
    return file;
  }

  /**
   * The configured certificate, or the generated one when it exists; empty when none is configured
   * and none was generated yet. Never generates (used by {@code doctor}).
   */
  public Optional<ServerCertificate> find() {
    return switch (settings.source()) {
      case PEM ->
          Optional.of(
              readPem(
                  pemFile(settings.certificate(), "certificate"),
                  pemFile(settings.privateKey(), "private-key"),
                  settings.source()));
      case PKCS12 -> Optional.of(readPkcs12());
      case GENERATED ->
          Files.exists(generatedCertificateFile())
              ? Optional.of(
                  readPem(
                      generatedCertificateFile(), generatedKeyFile(), CertificateSource.GENERATED))
              : Optional.empty();
    };
  }

  /** Like {@link #find()}, but generates and persists the self-signed certificate when missing. */
  public ServerCertificate findOrGenerate() {
    return find().orElseGet(this::generate);
  }

  private ServerCertificate generate() {
    ServerCertificate generated = new SelfSignedCertificateGenerator(clock).generate();
    try {
      OwnerOnlyFiles.createDirectory(tlsDir);
      OwnerOnlyFiles.write(generatedKeyFile(), PemFiles.privateKeyPem(generated.privateKey()));
      OwnerOnlyFiles.write(
          generatedCertificateFile(), PemFiles.certificatePem(generated.certificate()));
    } catch (IOException e) {
      throw new TlsConfigurationException("cannot write the generated certificate to " + tlsDir, e);
    }
    return generated;
  }

  private static ServerCertificate readPem(
      Path certificate, Path privateKey, CertificateSource source) {
    return new ServerCertificate(
        PemFiles.readPrivateKey(privateKey), PemFiles.readCertificates(certificate), source);
  }

  private ServerCertificate readPkcs12() {
    char[] password = keystorePassword();
    try (InputStream in = Files.newInputStream(settings.keystore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Key key = store.getKey(alias, password);
          if (key instanceof PrivateKey privateKey) {
            return new ServerCertificate(
                privateKey, x509Chain(store.getCertificateChain(alias)), CertificateSource.PKCS12);
          }
        }
      }
      throw new TlsConfigurationException(
          "bulwark.tls.keystore " + settings.keystore() + " holds no private key entry");
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsConfigurationException(
          "cannot read bulwark.tls.keystore "
              + settings.keystore()
              + " (wrong password or not PKCS#12)",
          e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static List<X509Certificate> x509Chain(Certificate[] chain) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
      certificates.add((X509Certificate) certificate);
    }
    return certificates;
  }

  /** The key store password from the owner-only file or the environment (D3). */
  private char[] keystorePassword() {
    Path file = settings.keystorePasswordFile();
    if (file != null) {
      try {
        if (OwnerOnlyFiles.accessibleByOthers(file)) {
          throw new TlsConfigurationException(
              "bulwark.tls.keystore-password-file "
                  + file
                  + " is accessible by group or others; run chmod 600 on it (D3)");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
      } catch (IOException e) {
        throw new TlsConfigurationException(
            "cannot read bulwark.tls.keystore-password-file " + file, e);
      }
    }
    String fromEnvironment = environment.apply(KEYSTORE_PASSWORD_ENV);
    if (fromEnvironment == null) {
      throw new TlsConfigurationException(
          "bulwark.tls.keystore is set but neither bulwark.tls.keystore-password-file nor "
              + KEYSTORE_PASSWORD_ENV
              + " gives its password");
    }
    return fromEnvironment.toCharArray();
  }
}
