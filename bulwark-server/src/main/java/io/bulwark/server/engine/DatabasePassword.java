package io.bulwark.server.engine;

import io.bulwark.engine.api.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the database password from the encrypted setting {@code bulwark.database.password}, an
 * owner-only file or the environment, never from a property in plain text (D3). A file that group
 * or others can read is refused with the command that fixes it.
 */
public final class DatabasePassword {

  private DatabasePassword() {}

  static Secret read(
      DatabaseSettings settings,
      ConfigurationSecrets secrets,
      Function<String, String> environment) {
    Optional<Secret> encrypted = secrets.value(ConfigurationSecrets.DATABASE_PASSWORD);
    if (encrypted.isPresent()) {
      return encrypted.get();
    }
    Path file = settings.passwordFile();
    if (file != null) {
      return readFile(file);
    }
    String fromEnv = environment.apply(DatabaseSettings.PASSWORD_ENV);
    if (fromEnv == null) {
      throw new IllegalStateException(
          "no database password: set bulwark.database.password-file to a file readable by its"
              + " owner only, bulwark.database.password to an encrypted value (./bulwark admin"
              + " config encrypt bulwark.database.password), or environment variable "
              + DatabaseSettings.PASSWORD_ENV
              + " (D3)");
    }
    return Secret.of(fromEnv);
  }

  private static Secret readFile(Path file) {
    return readSecretFile(file, "database password file");
  }

  /**
   * Reads a secret from an owner-only file, without its trailing line breaks; a file that group or
   * others can read is refused (D3).
   *
   * @param what the file's role in messages, e.g. {@code "database password file"}
   */
  public static Secret readSecretFile(Path file, String what) {
    try {
      if (OwnerOnlyFile.exposedToOthers(file)) {
        throw new IllegalStateException(
            "refusing "
                + what
                + " "
                + file
                + " with mode "
                + OwnerOnlyFile.mode(file)
                + ": it must be readable by its owner only; run chmod 600 "
                + file
                + " (D3)");
      }
      byte[] bytes = Files.readAllBytes(file);
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
      Arrays.fill(bytes, (byte) 0);
      int end = chars.limit();
      while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
        end--;
      }
      char[] password = new char[end];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      try {
        return Secret.of(password);
      } finally {
        Arrays.fill(password, '\0');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + file, e);
    }
  }
}
