package io.bulwark.cli;

/** A wrong command line or environment value; the message names the option or variable. */
public final class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
