package io.bulwark.server.engine;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.PasswordStorage;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;

/**
 * Doctor check A3: reads how the users' passwords are stored, as counts only (never a hash). FAIL
 * when any stored password is neither an Argon2id hash nor an imported Camunda SHA-512 hash (a
 * plain value or an unknown scheme: Bulwark writes nothing else, so it was written around the
 * engine); WARN while imported SHA-512 hashes or Argon2id hashes of an older version or with other
 * parameters remain (each is upgraded at its user's next successful login), and while a plugged
 * encoder makes the new hashes (its strength cannot be measured).
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
    boolean plugged = !PasswordStorage.BUILT_IN.equals(storage.scheme());
    String counts =
        storage.users()
            + " users: "
            + storage.current()
            + (plugged
                ? " with a hash of the plugged scheme " + storage.scheme()
                : " with a current Argon2id hash")
            + ", "
            + storage.outdated()
            + (plugged
                ? " with an Argon2id hash"
                : " with an older Argon2id version or other parameters")
            + ", "
            + storage.imported()
            + " with an imported SHA-512 hash awaiting upgrade, "
            + storage.foreign()
            + " with a plain or unknown value, "
            + storage.none()
            + " without a password";
    if (storage.foreign() > 0) {
      return Finding.fail(
          id(),
          counts,
          "Bulwark stores only Argon2id hashes and imported SHA-512 hashes: find out how the"
              + " database was changed, then give the affected users new passwords (they cannot"
              + " sign in until then)");
    }
    if (plugged) {
      return Finding.warn(
          id(),
          counts,
          "new hashes are made by a plugged encoder ("
              + storage.scheme()
              + "), whose strength doctor cannot measure: make sure it is a salted one-way hash at"
              + " least as costly as Argon2id with 19 MiB and 2 iterations, or set"
              + " bulwark.password.encoder="
              + PasswordSettings.BUILT_IN_ENCODER);
    }
    if (storage.imported() > 0 || storage.outdated() > 0) {
      return Finding.warn(
          id(),
          counts,
          "each such hash becomes a current Argon2id hash at its user's next successful sign-in;"
              + " give users who do not sign in soon new one-time passwords");
    }
    return Finding.pass(id(), counts);
  }
}
