package io.bulwark.engine.api;

/**
 * How the stored passwords are hashed (A3): counts of users only, never a hash, for the hardening
 * audit.
 *
 * @param users every user
 * @param current users whose password is an Argon2id hash of the current version and parameters
 * @param outdated users whose password is an Argon2id hash of an older version or with other
 *     parameters; upgraded at their next successful login
 * @param imported users whose password is a salted SHA-512 hash imported from Camunda 7; upgraded
 *     to Argon2id at their next successful login
 * @param foreign users whose stored password is none of these (a plain value, an unknown scheme or
 *     a tampered row); such a user cannot sign in
 * @param none users without a password (for example from an external identity provider)
 */
public record PasswordStorage(
    long users, long current, long outdated, long imported, long foreign, long none) {

  public PasswordStorage {
    long counted = current + outdated + imported + foreign + none;
    if (users != counted) {
      throw new IllegalArgumentException(
          "invalid password storage counts: " + users + " users but " + counted + " counted");
    }
  }
}
