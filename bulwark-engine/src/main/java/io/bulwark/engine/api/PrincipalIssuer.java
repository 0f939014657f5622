package io.bulwark.engine.api;

/**
 * The one object that makes trusted-application principals for one engine (Z2). Only {@link
 * BulwarkEngineBuilder} creates one, and hands it to the engine it builds; the engine's command
 * executor honours a trusted-application principal only when this issuer made it, so application
 * code cannot forge one from a name. Thread-safe.
 */
public final class PrincipalIssuer {

  PrincipalIssuer() {}

  /**
   * A principal for the embedding application itself, granted every check by the rule "trusted
   * application NAME" (logged at debug per call).
   *
   * @throws ValidationException the name is not 1-64 letters, digits, dots, dashes or underscores
   */
  public Principal trustedApplication(String name) {
    return Principal.trustedApplication(name, this);
  }

  @Override
  public String toString() {
    return "PrincipalIssuer";
  }
}
