package io.bulwark.engine.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.spi.KeyManagementService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The local key store (D2): {@code DATA_DIR/keys/keystore.properties}, created on first use. It
 * holds a Tink key set of AES-256-GCM keys, itself encrypted with a key-encryption key: by default
 * the key derived from a passphrase ({@link PassphraseKey}), or a key held by a key-management
 * service plug-in ({@link KeyManagementService}), and the values those keys protect, each a Tink
 * ciphertext whose first five bytes name the key that encrypted it. Today that value is the
 * password of the encrypted embedded database file (D1) and the audit log's signing key set (D4).
 *
 * <p>{@link #rotate()} adds a new primary key and re-encrypts every stored value with it; the file
 * is replaced atomically, so a crash leaves either the old or the new file. {@link #destroy(int)}
 * deletes a key's material: what it alone encrypted can never be read again (crypto-shredding).
 * Thread-safe: a running engine may rotate while other threads encrypt and decrypt; the one {@link
 * #fieldCipher()} switches to the new key set once the file is written, and a failed write changes
 * nothing. One process at a time uses a key store file (the embedded database's lock guards it;
 * each node of a cluster has its own copy).
 */
public final class LocalKeyStore {

  /** The stored value holding the embedded database file's password. */
  static final String DATABASE_FILE_PASSWORD = "database-file-password";

  /** The stored value holding the audit log's checkpoint signing key set (D4). */
  static final String AUDIT_SIGNING_KEYSET = "audit-signing-keyset";

  /** The stored value holding the key set of the lookup hash of encrypted e-mail addresses (D1). */
  static final String LOOKUP_HASH_KEYSET = "lookup-hash-keyset";

  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Path file;
  private final KeyEncryptionKey keyEncryptionKeySource;
  private final Aead keyEncryptionKey;
  private KeysetHandle keys;
  private final List<StoredValue> values;
  private final FieldCipher cipher;

  private LocalKeyStore(
      Path file,
      KeyEncryptionKey keyEncryptionKeySource,
      Aead keyEncryptionKey,
      KeysetHandle keys,
      List<StoredValue> values) {
    this.file = file;
    this.keyEncryptionKeySource = keyEncryptionKeySource;
    this.keyEncryptionKey = keyEncryptionKey;
    this.keys = keys;
    this.values = new ArrayList<>(values);
    this.cipher = new FieldCipher(keys);
  }

  /** The key store file of a data directory. */
  public static Path fileOf(Path dataDir) {
    return dataDir.resolve("keys").resolve("keystore.properties");
  }

  /** Whether the data directory has a key store. */
  public static boolean exists(Path dataDir) {
    return Files.exists(fileOf(dataDir));
  }

  /**
   * Opens the data directory's key store, or creates it (a new key set and a random database file
   * password) when there is none.
   *
   * @throws CryptoException the passphrase is wrong or the file is damaged
   */
  public static LocalKeyStore openOrCreate(Path dataDir, Secret passphrase) {
    return openOrCreate(dataDir, new KeyEncryptionKey.Unlock.WithPassphrase(passphrase));
  }

  /**
   * As {@link #openOrCreate(Path, Secret)}, the key set protected by the key {@code keyUri} of the
   * key-management plug-in on the class path that serves it (D2).
   *
   * @throws CryptoException no plug-in serves the key, the service refuses it, or the store is
   *     protected by a passphrase or another key
   */
  public static LocalKeyStore openOrCreateWithKms(Path dataDir, String keyUri) {
    KeyEncryptionKey.Kms key = new KeyEncryptionKey.Kms(keyUri);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    KeyManagementService service =
        key.service(loader != null ? loader : LocalKeyStore.class.getClassLoader());
    return openOrCreateWithKms(dataDir, keyUri, service);
  }

  /** As {@link #openOrCreateWithKms(Path, String)}, with the service given. */
  public static LocalKeyStore openOrCreateWithKms(
      Path dataDir, String keyUri, KeyManagementService service) {
    return openOrCreate(
        dataDir, new KeyEncryptionKey.Unlock.WithKms(new KeyEncryptionKey.Kms(keyUri), service));
  }

  private static LocalKeyStore openOrCreate(Path dataDir, KeyEncryptionKey.Unlock unlock) {
    Path file = fileOf(dataDir);
    if (Files.exists(file)) {
      return open(file, unlock);
    }
    KeyEncryptionKey source;
    Aead keyEncryptionKey;
    if (unlock instanceof KeyEncryptionKey.Unlock.WithKms kms) {
      source = kms.key();
      keyEncryptionKey = kms.key().aead(kms.service());
    } else {
      byte[] salt = new byte[16];
      RANDOM.nextBytes(salt);
      PassphraseKey passphraseKey = PassphraseKey.defaults(salt);
      source = passphraseKey;
      keyEncryptionKey =
          passphraseKey.derive(((KeyEncryptionKey.Unlock.WithPassphrase) unlock).passphrase());
    }
    try {
      KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      LocalKeyStore store = new LocalKeyStore(file, source, keyEncryptionKey, keys, List.of());
      byte[] password = new byte[32];
      RANDOM.nextBytes(password);
      store.values.add(store.encrypt(DATABASE_FILE_PASSWORD, base64(password)));
      store.save();
      return store;
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot create the key store " + file, e);
    }
  }

  private static LocalKeyStore open(Path file, KeyEncryptionKey.Unlock unlock) {
    KeyStoreFile stored = KeyStoreFile.read(file);
    Aead keyEncryptionKey = unlocking(file, stored.keyEncryptionKey(), unlock);
    try {
      KeysetHandle keys =
          TinkProtoKeysetFormat.parseEncryptedKeyset(
              stored.encryptedKeys(), keyEncryptionKey, KeyStoreFile.KEYSET_CONTEXT);
      return new LocalKeyStore(
          file, stored.keyEncryptionKey(), keyEncryptionKey, keys, stored.values());
    } catch (GeneralSecurityException e) {
      String why =
          unlock instanceof KeyEncryptionKey.Unlock.WithKms
              ? "the key-management service refused its key, or the file was changed"
              : "wrong passphrase, or the file was changed";
      throw new CryptoException("cannot unlock the key store " + file + ": " + why, e);
    }
  }

  /** The key-encryption key, when what unlocks is of the kind that locked the file. */
  private static Aead unlocking(
      Path file, KeyEncryptionKey stored, KeyEncryptionKey.Unlock unlock) {
    if (stored instanceof PassphraseKey passphraseKey
        && unlock instanceof KeyEncryptionKey.Unlock.WithPassphrase given) {
      return passphraseKey.derive(given.passphrase());
    }
    if (stored instanceof KeyEncryptionKey.Kms kms
        && unlock instanceof KeyEncryptionKey.Unlock.WithKms given) {
      if (!kms.equals(given.key())) {
        throw new CryptoException(
            "the key store "
                + file
                + " is protected by another key-management key, "
                + kms.keyUri());
      }
      return kms.aead(given.service());
    }
    throw new CryptoException(
        stored instanceof KeyEncryptionKey.Kms kms
            ? "the key store "
                + file
                + " is protected by the key-management key "
                + kms.keyUri()
                + ", not a passphrase: configure that key"
            : "the key store "
                + file
                + " is protected by a passphrase, not a key-management key: configure its"
                + " passphrase");
  }

  /** Whether a key-management service's key protects the key set (else a passphrase). */
  public boolean protectedByKms() {
    return keyEncryptionKeySource instanceof KeyEncryptionKey.Kms;
  }

  /**
   * Writes this store's key set and values under another key-encryption key (D2), atomically;
   * {@link KeyStoreRewrap} does it. The open store keeps the key it was opened with.
   */
  synchronized void writeUnder(KeyEncryptionKey source, Aead newKeyEncryptionKey) {
    try {
      byte[] encryptedKeys =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(
              keys, newKeyEncryptionKey, KeyStoreFile.KEYSET_CONTEXT);
      new KeyStoreFile(source, encryptedKeys, values).write(file);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot write the key store " + file, e);
    }
  }

  /** The key set wrapped under the key-encryption key, as the key store file holds it (D2). */
  public synchronized byte[] wrappedKeys() {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(
          keys, keyEncryptionKey, KeyStoreFile.KEYSET_CONTEXT);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot wrap the key set of " + file, e);
    }
  }

  /** The keys of this store's key set. */
  public synchronized KeySetIds ids() {
    return KeySetIds.of(keys);
  }

  /** The keys of a wrapped key set, which must open under this store's key-encryption key. */
  public KeySetIds idsOf(byte[] wrapped) {
    return KeySetIds.of(unwrap(wrapped));
  }

  /**
   * Takes the key set another node published (D2): re-encrypts the stored values with its primary,
   * writes the file atomically, then switches the field cipher to it.
   *
   * @throws CryptoException it does not open under this store's key-encryption key
   */
  public synchronized void adopt(byte[] wrapped) {
    KeysetHandle adopted = unwrap(wrapped);
    List<StoredValue> reencrypted = new ArrayList<>();
    for (StoredValue value : values) {
      reencrypted.add(encrypt(adopted, value.name(), decrypt(value.name())));
    }
    replace(adopted, reencrypted);
  }

  private KeysetHandle unwrap(byte[] wrapped) {
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(
          wrapped, keyEncryptionKey, KeyStoreFile.KEYSET_CONTEXT);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(
          "the key set published in the database does not open with the key-encryption key of "
              + file
              + ": the nodes of one database share one key store (copy it)",
          e);
    }
  }

  /** Encrypts and decrypts configuration values under the key-encryption key (D3). */
  public SettingCipher settingCipher() {
    return new SettingCipher(keyEncryptionKey);
  }

  /** The password of the embedded database file (D1); the caller clears it after use. */
  public synchronized Secret databaseFilePassword() {
    return Secret.of(decrypt(DATABASE_FILE_PASSWORD));
  }

  /**
   * The Tink key set that signs the audit log's checkpoints (D4), created and saved on first use;
   * the caller clears it after use.
   */
  public Secret auditSigningKeyset() {
    return storedOrCreated(AUDIT_SIGNING_KEYSET, AuditSigner::newKeyset);
  }

  /**
   * The Tink key set of the keyed hash that finds encrypted e-mail addresses (D1), created and
   * saved on first use; the caller clears it after use.
   */
  public Secret lookupHashKeyset() {
    return storedOrCreated(LOOKUP_HASH_KEYSET, LookupHash::newKeyset);
  }

  /** The stored value {@code name}, made by {@code create} and saved when there is none yet. */
  private synchronized Secret storedOrCreated(
      String name, java.util.function.Supplier<String> create) {
    if (values.stream().noneMatch(v -> v.name().equals(name))) {
      values.add(encrypt(name, create.get()));
      save();
    }
    return Secret.of(decrypt(name));
  }

  /**
   * The cipher for sensitive variables (D1) over this store's key set: the primary key encrypts,
   * every key still in the set decrypts. Always the same instance; it follows {@link #rotate()} and
   * {@link #destroy(int)} at once.
   */
  public FieldCipher fieldCipher() {
    return cipher;
  }

  /** The keys, primary first, with the number of stored values each still decrypts. */
  public synchronized List<KeyInfo> list() {
    List<KeyInfo> infos = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      KeysetHandle.Entry entry = keys.getAt(i);
      int id = entry.getId();
      int count = (int) values.stream().filter(v -> v.keyId() == id).count();
      infos.add(new KeyInfo(id, entry.isPrimary(), "AES256_GCM", count));
    }
    infos.sort((a, b) -> Boolean.compare(b.primary(), a.primary()));
    return List.copyOf(infos);
  }

  /**
   * Adds a new primary key, re-encrypts every stored value with it and saves the file atomically.
   * The old keys stay in the key set, still able to decrypt, until destroyed.
   *
   * @return the new primary key
   */
  public synchronized KeyInfo rotate() {
    KeysetHandle rotated;
    try {
      rotated =
          KeysetHandle.newBuilder(keys)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot add a key to the key store " + file, e);
    }
    List<StoredValue> reencrypted = new ArrayList<>();
    for (StoredValue value : values) {
      reencrypted.add(encrypt(rotated, value.name(), decrypt(value.name())));
    }
    replace(rotated, reencrypted);
    return list().get(0);
  }

  /**
   * Writes {@code newKeys} and {@code newValues} to the file, then, only once it is written, makes
   * them this store's and switches the field cipher to them.
   */
  private void replace(KeysetHandle newKeys, List<StoredValue> newValues) {
    save(newKeys, newValues);
    keys = newKeys;
    values.clear();
    values.addAll(newValues);
    cipher.use(newKeys);
  }

  /**
   * Deletes a key's material from the key set (crypto-shredding): every value that only it could
   * decrypt is unreadable from now on. The primary key cannot be destroyed; rotate first.
   *
   * @throws CryptoException no such key, or it is the primary
   */
  public synchronized void destroy(int keyId) {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
    for (int i = 0; i < builder.size(); i++) {
      if (keys.getAt(i).getId() == keyId) {
        if (keys.getAt(i).isPrimary()) {
          throw new CryptoException(
              "key " + keyId + " is the primary key; rotate before destroying it");
        }
        builder.deleteAt(i);
        KeysetHandle remaining;
        try {
          remaining = builder.build();
        } catch (GeneralSecurityException e) {
          throw new CryptoException("cannot destroy key " + keyId, e);
        }
        replace(remaining, List.copyOf(values));
        return;
      }
    }
    throw new CryptoException("no key " + keyId + " in the key store " + file);
  }

  private StoredValue encrypt(String name, String plaintext) {
    return encrypt(keys, name, plaintext);
  }

  private static StoredValue encrypt(KeysetHandle with, String name, String plaintext) {
    try {
      byte[] ciphertext =
          with.getPrimitive(RegistryConfiguration.get(), Aead.class)
              .encrypt(
                  plaintext.getBytes(StandardCharsets.UTF_8),
                  name.getBytes(StandardCharsets.UTF_8));
      return new StoredValue(name, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot encrypt " + name, e);
    }
  }

  private String decrypt(String name) {
    StoredValue value =
        values.stream()
            .filter(v -> v.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new CryptoException("the key store " + file + " has no " + name));
    try {
      byte[] plaintext = aead().decrypt(value.ciphertext(), name.getBytes(StandardCharsets.UTF_8));
      return new String(plaintext, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new CryptoException(
          name + " is unreadable: key " + value.keyId() + " was destroyed or the value changed", e);
    }
  }

  private Aead aead() throws GeneralSecurityException {
    return keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  private void save() {
    save(keys, values);
  }

  private void save(KeysetHandle savedKeys, List<StoredValue> savedValues) {
    try {
      byte[] encryptedKeys =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(
              savedKeys, keyEncryptionKey, KeyStoreFile.KEYSET_CONTEXT);
      new KeyStoreFile(keyEncryptionKeySource, encryptedKeys, savedValues).write(file);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot write the key store " + file, e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * A value kept in the key store: its name (also its associated data, so a value cannot be moved
   * to another name) and its Tink ciphertext, whose first five bytes are 0x01 and the id of the key
   * that encrypted it.
   */
  record StoredValue(String name, byte[] ciphertext) {

    StoredValue {
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    /** The id of the key that encrypted this value (Tink's output prefix). */
    int keyId() {
      return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof StoredValue v
          && v.name.equals(name)
          && java.util.Arrays.equals(v.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return name + "@key" + keyId();
    }
  }
}
