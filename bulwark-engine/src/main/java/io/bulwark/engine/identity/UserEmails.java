package io.bulwark.engine.identity;

import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.FieldCipher;
import io.bulwark.engine.crypto.LookupHash;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses as the identity tables hold them (D1): with a key store, a Tink AEAD ciphertext
 * in {@code email_cipher} bound to its row (table and row ID), {@code email_key} naming the key,
 * {@code email} empty, and for users a keyed hash of the lower-cased address in {@code email_hash}
 * (Tink HMAC-SHA256 PRF) that finds a user by address; without one (an external database without a
 * key store), the clear address in {@code email} as before. The one place that turns an address
 * into its stored form and back. Thread-safe.
 */
public final class UserEmails {

  /** The hash's purpose: users' e-mail addresses. */
  private static final String PURPOSE = "user-email";

  private final Optional<FieldCipher> cipher;
  private final Optional<LookupHash> lookup;

  /**
   * @param cipher the key store's field cipher; empty: addresses are stored in clear
   * @param lookup the key store's lookup hash; present whenever {@code cipher} is
   */
  public UserEmails(Optional<FieldCipher> cipher, Optional<LookupHash> lookup) {
    if (cipher.isPresent() != lookup.isPresent()) {
      throw new IllegalArgumentException("a cipher needs its lookup hash, and the other way");
    }
    this.cipher = cipher;
    this.lookup = lookup;
  }

  /** Addresses in clear: an engine without a key store. */
  public static UserEmails clear() {
    return new UserEmails(Optional.empty(), Optional.empty());
  }

  /** The key that encrypts new addresses; empty when they are stored in clear. */
  Optional<Integer> primaryKey() {
    return cipher.map(FieldCipher::primaryKeyId);
  }

  /** Whether addresses are stored encrypted. */
  boolean encrypted() {
    return cipher.isPresent();
  }

  /**
   * An address as a row stores it.
   *
   * @param clear the address in clear, when not encrypted
   * @param cipher its ciphertext, when encrypted
   * @param key the key that encrypted it
   * @param hash the lookup hash of the lower-cased address, when encrypted
   */
  record Stored(
      @Nullable String clear,
      byte @Nullable [] cipher,
      @Nullable Integer key,
      @Nullable String hash) {

    /** No address. */
    static final Stored NONE = new Stored(null, null, null, null);
  }

  /** How {@code email} is stored in row {@code rowId} of {@code table}. */
  Stored store(String table, String rowId, @Nullable String email) {
    if (email == null) {
      return Stored.NONE;
    }
    if (cipher.isEmpty()) {
      return new Stored(email, null, null, null);
    }
    byte[] ciphertext =
        cipher.get().encrypt(email.getBytes(StandardCharsets.UTF_8), associatedData(table, rowId));
    return new Stored(null, ciphertext, FieldCipher.keyId(ciphertext), lookupHash(email).get());
  }

  /**
   * The address of a row read with columns {@code email} and {@code email_cipher}: the clear
   * column, else the opened ciphertext; null when there is none or it cannot be opened (its key was
   * destroyed, or it was moved from another row or changed).
   */
  @Nullable String read(ResultSet rs, String table, String rowId) throws SQLException {
    String clear = rs.getString("email");
    byte[] ciphertext = rs.getBytes("email_cipher");
    if (clear != null || ciphertext == null || cipher.isEmpty()) {
      return clear;
    }
    try {
      return new String(
          cipher.get().decrypt(ciphertext, associatedData(table, rowId)), StandardCharsets.UTF_8);
    } catch (FieldCipher.UnreadableException e) {
      return null;
    }
  }

  /**
   * Encrypts, with the primary key, the stored addresses still in clear or under an older key, in
   * batches of {@value EncryptEmailsCommand#BATCH} per table and transaction (resumable: the
   * columns are the marker), passing over those that cannot be opened; nothing when addresses are
   * stored in clear. Called at start and after an online rotation.
   *
   * @return how many rows it wrote
   */
  public int encryptStored(CommandExecutor executor) {
    if (!encrypted()) {
      return 0;
    }
    EncryptEmailsCommand.Progress progress = EncryptEmailsCommand.Progress.START;
    do {
      progress =
          executor.execute(
              Actor.system("email-encryption"), new EncryptEmailsCommand(this, progress));
    } while (!progress.done());
    return progress.written();
  }

  /** The lookup hash of an address (case-insensitive); empty when addresses are in clear. */
  Optional<String> lookupHash(String email) {
    return lookup.map(hash -> hash.hash(PURPOSE, email.toLowerCase(Locale.ROOT)));
  }

  private static byte[] associatedData(String table, String rowId) {
    return (table + "\u0000" + rowId + "\u0000email").getBytes(StandardCharsets.UTF_8);
  }
}
