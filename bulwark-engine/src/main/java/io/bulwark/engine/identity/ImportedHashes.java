package io.bulwark.engine.identity;

import io.bulwark.engine.api.ImportedUser;
import io.bulwark.engine.api.ValidationException;

/** Checks an imported Camunda 7 hash and salt (A3) and gives their stored form. Stateless. */
final class ImportedHashes {

  static final int MAX_SALT = 255;

  private ImportedHashes() {}

  /**
   * @throws ValidationException rule {@code sha512-hash} or {@code salt}; the message never shows
   *     the hash or the salt
   */
  static String storedForm(ImportedUser imported) {
    if (!PasswordHasher.isSha512Hash(imported.passwordHash())) {
      throw ValidationException.of(
          "passwordHash",
          "sha512-hash",
          "invalid imported password hash; expected {SHA-512} and the Base64 of a 64-byte digest,"
              + " as Camunda 7.7 and later store it");
    }
    if (imported.salt().length() > MAX_SALT) {
      throw ValidationException.of(
          "salt",
          "salt",
          "invalid salt of " + imported.salt().length() + " characters; at most 255");
    }
    return PasswordHasher.storedSha512(imported.passwordHash(), imported.salt());
  }
}
