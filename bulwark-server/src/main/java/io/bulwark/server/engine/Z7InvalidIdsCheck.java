package io.bulwark.server.engine;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.List;

/**
 * Doctor check Z7: every stored user, group and tenant ID matches the allowlist pattern. The engine
 * refuses other IDs, so one found here was written around it (an import by SQL, say) and may carry
 * characters that break logs, URLs or filters: FAIL, naming at most 20.
 */
public final class Z7InvalidIdsCheck implements LocalCheck {

  private final IdentityService identity;

  public Z7InvalidIdsCheck(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public String id() {
    return "Z7";
  }

  @Override
  public Finding run() {
    List<String> invalid = identity.findInvalidIds();
    if (!invalid.isEmpty()) {
      return Finding.fail(
          id(),
          "stored IDs break the pattern [A-Za-z0-9][A-Za-z0-9._-]{0,63}: " + invalid,
          "delete these identities and create them again with valid IDs; find out how they were"
              + " written around the engine");
    }
    return Finding.pass(id(), "every stored user, group and tenant ID matches the ID pattern");
  }
}
