package io.bulwark.server.tls;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts TLS on the web server's one connector (T1–T4): the policy's protocols and suites and the
 * server certificate, as an SSL bundle; on Tomcat also the server's suite order (not the client's)
 * and the session lifetime of {@link TlsPolicy#SESSION_TIMEOUT}. Runs after Spring Boot's own
 * customizer, so {@code server.ssl.*} properties cannot weaken it. Refuses to start when the
 * settings break the policy.
 */
public final class TlsServerCustomizer
    implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

  static final String BUNDLE = "bulwark-server";

  private static final Logger LOG = LoggerFactory.getLogger(TlsServerCustomizer.class);

  static {
    TlsJvmSettings.apply();
  }

  private final TlsSettings settings;
  private final ServerCertificates certificates;

  public TlsServerCustomizer(TlsSettings settings, ServerCertificates certificates) {
    this.settings = settings;
    this.certificates = certificates;
  }

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new TlsConfigurationException(
          "refusing to start, the TLS settings break the policy: " + String.join("; ", problems));
    }
    ServerCertificate certificate = certificates.findOrGenerate();
    // The in-memory key store's password protects nothing outside this process; random per start.
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getEncoder().encodeToString(random);
    SslBundle bundle =
        SslBundle.of(
            SslStoreBundle.of(certificate.toKeyStore(password.toCharArray()), password, null),
            SslBundleKey.of(password, ServerCertificate.ALIAS),
            SslOptions.of(
                settings.cipherSuites().toArray(new String[0]),
                settings.protocols().toArray(new String[0])));
    factory.setSslBundles(new DefaultSslBundleRegistry(BUNDLE, bundle));
    factory.setSsl(Ssl.forBundle(BUNDLE));
    if (factory instanceof TomcatServletWebServerFactory tomcat) {
      tomcat.addConnectorCustomizers(TlsServerCustomizer::enforceServerOrder);
    }
    LOG.info(
        "TLS: protocols {}, {} cipher suites in server order, groups {}, {} certificate {}"
            + " (expires {})",
        settings.protocols(),
        settings.cipherSuites().size(),
        TlsJvmSettings.configuredGroups(),
        certificate.source(),
        certificate.certificate().getSubjectX500Principal().getName(),
        certificate.notAfter());
    LOG.info("TLS certificate SHA-256 fingerprint: {}", certificate.sha256Fingerprint());
    if (certificate.source() == CertificateSource.GENERATED) {
      LOG.info(
          "TLS: using the generated self-signed certificate {}; configure bulwark.tls.certificate"
              + " or bulwark.tls.keystore for production (T4)",
          certificates.generatedCertificateFile());
    }
  }

  /**
   * The server picks the suite by its own order (Tomcat's default follows the client's), and
   * sessions may be resumed for {@link TlsPolicy#SESSION_TIMEOUT}.
   */
  static void enforceServerOrder(Connector connector) {
    connector.setProperty(
        "sslImplementationName", RenegotiationRefusingImplementation.class.getName());
    for (SSLHostConfig host : connector.findSslHostConfigs()) {
      host.setHonorCipherOrder(true);
      host.setSessionTimeout((int) TlsPolicy.SESSION_TIMEOUT.toSeconds());
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
