package io.bulwark.server.tls;

import io.bulwark.server.config.ServerSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The TLS beans: certificate source, web server customizer, HTTPS-only guard, doctor checks. */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  @Bean
  ServerCertificates serverCertificates(TlsSettings tls, ServerSettings server) {
    return new ServerCertificates(tls, server.dataDir(), System::getenv, Clock.systemUTC());
  }

  @Bean
  static HttpsOnlyVerifier httpsOnlyVerifier() {
    return new HttpsOnlyVerifier();
  }

  @Bean
  TlsServerCustomizer tlsServerCustomizer(TlsSettings tls, ServerCertificates certificates) {
    return new TlsServerCustomizer(tls, certificates);
  }

  @Bean
  T2ProtocolsCheck t2ProtocolsCheck(TlsSettings tls) {
    return new T2ProtocolsCheck(tls);
  }

  @Bean
  T3CipherSuitesCheck t3CipherSuitesCheck(TlsSettings tls) {
    return new T3CipherSuitesCheck(tls);
  }

  @Bean
  T4CertificateCheck t4CertificateCheck(
      TlsSettings tls, ServerCertificates certificates, ServerSettings server) {
    return new T4CertificateCheck(tls, certificates, server.profile(), Clock.systemUTC());
  }
}
