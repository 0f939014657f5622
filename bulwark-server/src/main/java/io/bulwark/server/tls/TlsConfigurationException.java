package io.bulwark.server.tls;

/**
 * The TLS configuration cannot be used: a setting breaks the policy, or the certificate, key or key
 * store cannot be read. The message names the setting or file, never a password.
 */
public final class TlsConfigurationException extends RuntimeException {

  public TlsConfigurationException(String message) {
    super(message);
  }

  public TlsConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
