package io.bulwark.server.engine;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A2: FAIL when the initial-password file is readable by group or others; WARN while the initial
 * password is unchanged and its file still exists, or when the file outlived the change.
 */
public final class InitialPasswordCheck implements LocalCheck {

  private final IdentityService identity;
  private final Path passwordFile;

  public InitialPasswordCheck(IdentityService identity, Path dataDir) {
    this.identity = identity;
    this.passwordFile = dataDir.resolve(InitialAdministratorBootstrap.PASSWORD_FILE);
  }

  @Override
  public String id() {
    return "A2";
  }

  @Override
  public Finding run() {
    if (!Files.exists(passwordFile)) {
      return Finding.pass(id(), "no initial-password file in the data directory");
    }
    try {
      if (OwnerOnlyFile.exposedToOthers(passwordFile)) {
        return Finding.fail(
            id(),
            passwordFile + " has mode " + OwnerOnlyFile.mode(passwordFile),
            "run chmod 600 " + passwordFile + ", then log in as admin and change the password");
      }
    } catch (IOException e) {
      return Finding.fail(id(), "cannot read the mode of " + passwordFile, "check the file");
    }
    if (InitialAdministratorBootstrap.mustChange(
        identity.findUser(IdentityService.INITIAL_ADMINISTRATOR))) {
      return Finding.warn(
          id(),
          "the initial administrator password is unchanged",
          "log in as admin and change the password; the file is then deleted at the next start");
    }
    return Finding.warn(
        id(),
        passwordFile + " still exists although the password was changed",
        "delete " + passwordFile);
  }
}
