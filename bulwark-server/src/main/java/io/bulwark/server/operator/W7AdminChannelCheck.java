package io.bulwark.server.operator;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.tls.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Doctor check W7 for the admin channel: FAIL when the channel file, whose secret lets its reader
 * administer users through the running server, is readable or writable by group or others.
 */
public final class W7AdminChannelCheck implements LocalCheck {

  private final Path file;

  public W7AdminChannelCheck(Path dataDir) {
    this.file = AdminChannelFile.path(dataDir);
  }

  @Override
  public String id() {
    return "W7";
  }

  @Override
  public Finding run() {
    if (!Files.exists(file)) {
      return Finding.pass(id(), "no admin channel file " + file + " (the server is not running)");
    }
    try {
      if (OwnerOnlyFiles.accessibleByOthers(file)) {
        return Finding.fail(
            id(),
            "the admin channel file "
                + file
                + " is accessible to group or others: they can administer users through it",
            "run chmod 600 " + file + " and restart the server, which draws a new secret");
      }
      return Finding.pass(
          id(), "the admin channel file " + file + " is readable by its owner only");
    } catch (IOException e) {
      return Finding.fail(id(), "cannot read the mode of " + file, "check the file");
    }
  }
}
