package io.bulwark.server.engine;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * D1, the embedded database file: PASS when it is encrypted (it starts with H2's {@code H2encrypt}
 * header), FAIL when it is not. With an external database the file is the database server's.
 */
public final class D1EmbeddedEncryptionCheck implements LocalCheck {

  /** The first bytes of a file H2 encrypted with {@code CIPHER=AES}. */
  private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

  private final Path dataDir;
  private final DatabaseSettings database;

  public D1EmbeddedEncryptionCheck(Path dataDir, DatabaseSettings database) {
    this.dataDir = dataDir;
    this.database = database;
  }

  @Override
  public String id() {
    return "D1";
  }

  @Override
  public Finding run() {
    if (database.external()) {
      return Finding.pass(
          id(), "external database: encrypting its storage is the database server's task");
    }
    Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("bulwark.mv.db");
    if (!Files.exists(file)) {
      return Finding.pass(id(), "no embedded database yet; it is created encrypted");
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (Arrays.equals(in.readNBytes(ENCRYPTED_HEADER.length), ENCRYPTED_HEADER)) {
        return Finding.pass(
            id(),
            "the embedded database file is encrypted (H2 CIPHER=AES, key from the key store)");
      }
      return Finding.fail(
          id(),
          "the embedded database file " + file + " is not encrypted",
          "stop the server and run bulwark admin encrypt-database (it keeps a backup)");
    } catch (IOException e) {
      return Finding.fail(id(), "cannot read " + file, "check its permissions");
    }
  }
}
