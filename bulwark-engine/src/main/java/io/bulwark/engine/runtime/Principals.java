package io.bulwark.engine.runtime;

import io.bulwark.engine.api.Principal;
import io.bulwark.engine.command.Actor;
import java.util.Objects;

/** Maps the API's principal to the command layer's actor. */
public final class Principals {

  private Principals() {}

  public static Actor actor(Principal principal) {
    Objects.requireNonNull(principal, "principal");
    return new Actor(principal.userId(), principal.groups());
  }
}
