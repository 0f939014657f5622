package io.bulwark.server.engine;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * D3: FAIL when a secret setting holds plain text (encrypted values pass), and when the database
 * password file is readable by group or others, or missing.
 */
public final class DatabasePasswordFileCheck implements LocalCheck {

  private final DatabaseSettings settings;
  private final ConfigurationSecrets secrets;

  public DatabasePasswordFileCheck(DatabaseSettings settings, ConfigurationSecrets secrets) {
    this.settings = settings;
    this.secrets = secrets;
  }

  @Override
  public String id() {
    return "D3";
  }

  @Override
  public Finding run() {
    if (!secrets.plainTextSettings().isEmpty()) {
      return Finding.fail(
          id(),
          "secrets in plain text in the configuration: " + secrets.plainTextSettings(),
          "encrypt each with ./bulwark admin config encrypt SETTING (the value on standard"
              + " input) and write the {bulwark-aead}… it prints instead, or use the setting's"
              + " file or environment variable");
    }
    Path file = settings.passwordFile();
    String encrypted =
        secrets.encryptedSettings().isEmpty()
            ? ""
            : "; encrypted settings: " + secrets.encryptedSettings();
    if (file == null) {
      return Finding.pass(id(), "no database password file configured" + encrypted);
    }
    if (!Files.isRegularFile(file)) {
      return Finding.fail(
          id(), "database password file " + file + " does not exist", "create it with mode 600");
    }
    try {
      if (OwnerOnlyFile.exposedToOthers(file)) {
        return Finding.fail(
            id(),
            "database password file " + file + " has mode " + OwnerOnlyFile.mode(file),
            "run chmod 600 " + file);
      }
      return Finding.pass(
          id(), "database password file " + file + " is readable by its owner only" + encrypted);
    } catch (IOException e) {
      return Finding.fail(id(), "cannot read the mode of " + file, "check the file");
    }
  }
}
