package io.bulwark.engine.api;

/**
 * How the stored passwords are hashed (A3): counts of users only, never a hash, for the hardening
 * audit.
 *
 * @param users every user
 * @param current users whose password is an Argon2id hash with the current (OWASP) parameters
 * @param outdated users whose password is an Argon2id hash with other parameters
 * @param foreign users whose stored password is not an Argon2id hash at all (a legacy hash, a plain
 *     value or a tampered row); such a user cannot sign in
 * @param none users without a password (for example from an external identity provider)
 */
public record PasswordStorage(long users, long current, long outdated, long foreign, long none) {

  public PasswordStorage {
    if (users != current + outdated + foreign + none) {
      throw new IllegalArgumentException(
          "invalid password storage counts: "
              + users
              + " users but "
              + (current + outdated + foreign + none)
              + " counted");
    }
  }
}
