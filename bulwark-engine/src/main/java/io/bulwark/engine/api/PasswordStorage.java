package io.bulwark.engine.api;

import java.util.Objects;

/**
 * How the stored passwords are hashed (A3): counts of users only, never a hash, for the hardening
 * audit.
 *
 * @param users every user
 * @param current users whose password is a hash of the current scheme (by default Argon2id of the
 *     current version and parameters)
 * @param outdated users whose password is an Argon2id hash of an older version or with other
 *     parameters, or any Argon2id hash while a plugged encoder makes the new ones; upgraded at
 *     their next successful login
 * @param imported users whose password is a salted SHA-512 hash imported from Camunda 7; upgraded
 *     to Argon2id at their next successful login
 * @param foreign users whose stored password is none of these (a plain value, an unknown scheme or
 *     a tampered row); such a user cannot sign in
 * @param none users without a password (for example from an external identity provider)
 * @param scheme the label of the scheme new hashes are made with: {@value #BUILT_IN} for the
 *     built-in Argon2id, else a plugged encoder's, such as {@code {pbkdf2-hsm-1}}; "current" and
 *     "outdated" are counted against it
 */
public record PasswordStorage(
    long users,
    long current,
    long outdated,
    long imported,
    long foreign,
    long none,
    String scheme) {

  /** The label of the built-in scheme: Argon2id with the OWASP parameters, version 2. */
  public static final String BUILT_IN = "{argon2id-2}";

  public PasswordStorage {
    Objects.requireNonNull(scheme, "scheme");
    long counted = current + outdated + imported + foreign + none;
    if (users != counted) {
      throw new IllegalArgumentException(
          "invalid password storage counts: " + users + " users but " + counted + " counted");
    }
  }
}
