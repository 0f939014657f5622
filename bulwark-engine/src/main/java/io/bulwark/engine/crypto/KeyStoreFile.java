package io.bulwark.engine.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The key store's file format, a properties file: what protects the key set (the Argon2id
 * parameters and salt of a passphrase's key, or the URI of a key-management service's key), the key
 * set encrypted with that key, and the stored values ({@code value.NAME}), each a Tink ciphertext
 * in Base64. Written to a temporary file, forced to disk and moved over the old one, so that a
 * crash never leaves half a key store; owner-only permissions where the file system has them.
 */
record KeyStoreFile(
    KeyEncryptionKey keyEncryptionKey,
    byte[] encryptedKeys,
    List<LocalKeyStore.StoredValue> values) {

  static final String FORMAT = "bulwark-keystore-1";

  /** Associated data of the encrypted key set: a key set cannot pass for another file's. */
  static final byte[] KEYSET_CONTEXT = FORMAT.getBytes(StandardCharsets.UTF_8);

  private static final String VALUE_PREFIX = "value.";

  /** Present when a key-management service's key protects the key set. */
  private static final String KMS_KEY_URI = "kms.key-uri";

  KeyStoreFile {
    encryptedKeys = encryptedKeys.clone();
    values = List.copyOf(values);
  }

  static KeyStoreFile read(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new CryptoException("cannot read the key store " + file, e);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new CryptoException(
          "the key store " + file + " is not in format " + FORMAT + ": " + p.getProperty("format"));
    }
    try {
      KeyEncryptionKey key =
          p.getProperty(KMS_KEY_URI) != null
              ? new KeyEncryptionKey.Kms(p.getProperty(KMS_KEY_URI))
              : new PassphraseKey(
                  Integer.parseInt(required(p, "kdf.memory-kib", file)),
                  Integer.parseInt(required(p, "kdf.iterations", file)),
                  Integer.parseInt(required(p, "kdf.parallelism", file)),
                  decode(required(p, "kdf.salt", file)));
      List<LocalKeyStore.StoredValue> values = new ArrayList<>();
      for (String name : new TreeSet<>(p.stringPropertyNames())) {
        if (name.startsWith(VALUE_PREFIX)) {
          values.add(
              new LocalKeyStore.StoredValue(
                  name.substring(VALUE_PREFIX.length()), decode(p.getProperty(name))));
        }
      }
      return new KeyStoreFile(key, decode(required(p, "keyset", file)), values);
    } catch (IllegalArgumentException e) {
      throw new CryptoException("the key store " + file + " is damaged: " + e.getMessage(), e);
    }
  }

  void write(Path file) {
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    if (keyEncryptionKey instanceof PassphraseKey passphraseKey) {
      p.setProperty("kdf", "argon2id");
      p.setProperty("kdf.memory-kib", String.valueOf(passphraseKey.memoryKib()));
      p.setProperty("kdf.iterations", String.valueOf(passphraseKey.iterations()));
      p.setProperty("kdf.parallelism", String.valueOf(passphraseKey.parallelism()));
      p.setProperty("kdf.salt", encode(passphraseKey.salt()));
    } else if (keyEncryptionKey instanceof KeyEncryptionKey.Kms kms) {
      p.setProperty(KMS_KEY_URI, kms.keyUri());
    }
    p.setProperty("keyset", encode(encryptedKeys));
    for (LocalKeyStore.StoredValue value : values) {
      p.setProperty(VALUE_PREFIX + value.name(), encode(value.ciphertext()));
    }
    Path dir = parentOf(file);
    Path temporary = dir.resolve(file.getFileName() + ".new");
    try {
      OwnerOnly.createDirectory(dir);
      Files.deleteIfExists(temporary);
      OwnerOnly.createFile(temporary);
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
        p.store(out, "Bulwark key store (D2): keys encrypted with the key-encryption key");
      }
      try (var channel = java.nio.channels.FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CryptoException("cannot write the key store " + file, e);
    }
  }

  private static String required(Properties p, String name, Path file) {
    String value = p.getProperty(name);
    if (value == null) {
      throw new CryptoException("the key store " + file + " has no " + name);
    }
    return value;
  }

  private static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decode(String text) {
    return Base64.getDecoder().decode(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyStoreFile f
        && f.keyEncryptionKey.equals(keyEncryptionKey)
        && java.util.Arrays.equals(f.encryptedKeys, encryptedKeys)
        && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return keyEncryptionKey.hashCode();
  }

  @Override
  public byte[] encryptedKeys() {
    return encryptedKeys.clone();
  }

  @Override
  public String toString() {
    return "KeyStoreFile[" + keyEncryptionKey + ", " + values + "]";
  }

  /** Owner-only files and directories where the file system has POSIX permissions. */
  /** The directory that holds {@code file}; key-store files always lie inside the data dir. */
  static Path parentOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IllegalArgumentException("no parent directory: " + file);
    }
    return parent;
  }

  static final class OwnerOnly {
    private OwnerOnly() {}

    static void createDirectory(Path dir) throws IOException {
      Files.createDirectories(dir);
      if (posix(dir)) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }

    static void createFile(Path file) throws IOException {
      if (posix(parentOf(file))) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    }

    private static boolean posix(Path path) {
      return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
  }
}
