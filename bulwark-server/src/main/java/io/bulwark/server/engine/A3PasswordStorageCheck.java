package io.bulwark.server.engine;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;

/**
 * Doctor check A3: reads how the users' passwords are stored, as counts only (never a hash). FAIL
 * when any stored password is not an Argon2id hash: Bulwark writes nothing else, so such a value
 * was imported or written around the engine; WARN when Argon2id hashes with other than the current
 * parameters remain.
 */
public final class A3PasswordStorageCheck implements LocalCheck {

  private final IdentityService identity;

  public A3PasswordStorageCheck(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String id() {
    return "A3";
  }

  @Override
  public Finding run() {
    PasswordStorage storage = identity.passwordStorage();
    String counts =
        storage.users()
            + " users: "
            + storage.current()
            + " with a current Argon2id hash, "
            + storage.outdated()
            + " with other Argon2id parameters, "
            + storage.foreign()
            + " with a password that is not an Argon2id hash, "
            + storage.none()
            + " without a password";
    if (storage.foreign() > 0) {
      return Finding.fail(
          id(),
          counts,
          "Bulwark stores only Argon2id hashes: find out how the database was changed, then give"
              + " the affected users new passwords (they cannot sign in until then)");
    }
    if (storage.outdated() > 0) {
      return Finding.warn(
          id(),
          counts,
          "have the affected users change their passwords so they are hashed with the current"
              + " parameters");
    }
    return Finding.pass(id(), counts);
  }
}
