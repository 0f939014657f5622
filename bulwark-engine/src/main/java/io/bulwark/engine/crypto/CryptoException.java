package io.bulwark.engine.crypto;

import io.bulwark.engine.api.BulwarkException;

/**
 * The key store cannot be read, written or unlocked: a wrong passphrase, a damaged file, a key that
 * was destroyed. Messages name the file and the cause, never a key or a passphrase.
 */
public final class CryptoException extends BulwarkException {

  private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
