package io.bulwark.server.operator;

import io.bulwark.engine.api.Secret;
import io.bulwark.server.tls.OwnerOnlyFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The file {@value #NAME} in the data directory through which {@code bulwark admin} finds the
 * running server (W7): the admin channel's address on loopback, its secret and the certificate the
 * server serves. The server writes it owner-only (0600) once its HTTPS port is open, with a new
 * secret at every start, and deletes it at stop; so only someone who can read the data directory
 * (who could open the database anyway) can use the channel, and the command trusts exactly the
 * server's own certificate.
 *
 * @param uri the channel's base address, e.g. {@code https://127.0.0.1:8443/internal/admin}
 * @param secret the channel secret; never logged
 * @param certificate the server certificate the command trusts, and nothing else
 */
public record AdminChannelFile(URI uri, Secret secret, X509Certificate certificate) {

  /** The file name under the data directory. */
  public static final String NAME = "admin-channel";

  public AdminChannelFile {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** Where the file is for this data directory. */
  public static Path path(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  /**
   * Reads the file of a data directory; empty when there is none (the server is not running, or its
   * internal services are off).
   *
   * @throws IOException the file cannot be read or is not a channel file
   */
  public static Optional<AdminChannelFile> read(Path dataDir) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path(dataDir), StandardCharsets.US_ASCII)) {
      properties.load(reader);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    }
    String uri = properties.getProperty("uri");
    String secret = properties.getProperty("secret");
    String certificate = properties.getProperty("certificate");
    if (uri == null || secret == null || certificate == null) {
      throw new IOException(path(dataDir) + " is not an admin channel file");
    }
    try {
      byte[] der = Base64.getDecoder().decode(certificate);
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      return Optional.of(new AdminChannelFile(URI.create(uri), Secret.of(secret), cert));
    } catch (CertificateException | IllegalArgumentException e) {
      throw new IOException(path(dataDir) + " holds no valid certificate", e);
    }
  }

  /** Writes the file owner-only (0600 from its creation), replacing an earlier one. */
  void write(Path dataDir) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("uri", uri.toString());
    char[] value = secret.reveal();
    try {
      properties.setProperty("secret", new String(value));
    } finally {
      Arrays.fill(value, '\0');
    }
    try {
      properties.setProperty(
          "certificate", Base64.getEncoder().encodeToString(certificate.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IOException("cannot encode the server certificate", e);
    }
    StringWriter text = new StringWriter();
    properties.store(text, "bulwark admin channel: rewritten at each start, removed at stop (W7)");
    OwnerOnlyFiles.write(path(dataDir), text.toString());
  }
}
