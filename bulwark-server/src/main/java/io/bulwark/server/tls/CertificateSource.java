package io.bulwark.server.tls;

/** Where the server certificate comes from (T4). */
public enum CertificateSource {
  /** {@code bulwark.tls.certificate} and {@code bulwark.tls.private-key}. */
  PEM,
  /** {@code bulwark.tls.keystore}. */
  PKCS12,
  /** Generated self-signed on the first start and kept under {@code DATA_DIR/tls}. */
  GENERATED
}
