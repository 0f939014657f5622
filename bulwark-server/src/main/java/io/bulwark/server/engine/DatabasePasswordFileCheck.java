package io.bulwark.server.engine;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** D3: FAIL when the database password file is readable by group or others, or missing. */
public final class DatabasePasswordFileCheck implements LocalCheck {

  private final DatabaseSettings settings;

  public DatabasePasswordFileCheck(DatabaseSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "D3";
  }

  @Override
  public Finding run() {
    Path file = settings.passwordFile();
    if (file == null) {
      return Finding.pass(id(), "no database password file configured");
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
          id(), "database password file " + file + " is readable by its owner only");
    } catch (IOException e) {
      return Finding.fail(id(), "cannot read the mode of " + file, "check the file");
    }
  }
}
