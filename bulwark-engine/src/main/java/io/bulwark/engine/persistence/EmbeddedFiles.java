package io.bulwark.engine.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The embedded H2 database file, and whether it is encrypted (D1). */
public final class EmbeddedFiles {

  /** The first bytes of a file H2 encrypted ({@code CIPHER=AES}). */
  private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

  private EmbeddedFiles() {}

  /** The database file in the {@code db} directory. */
  public static Path file(Path dbDir) {
    return dbDir.resolve("bulwark.mv.db");
  }

  /** Whether the database file exists and is not encrypted. */
  public static boolean isPlain(Path dbDir) {
    Path file = file(dbDir);
    if (!Files.exists(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(ENCRYPTED_HEADER.length);
      return head.length > 0 && !Arrays.equals(head, ENCRYPTED_HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
