package io.bulwark.engine.api;

/**
 * What an online destroy did (D2).
 *
 * @param keyId the destroyed key, no longer in the key set
 * @param unreadableValues how many stored values (sensitive variables, their history, e-mail
 *     addresses) were still encrypted under it and can never be read again
 */
public record KeyDestruction(int keyId, long unreadableValues) {

  /** What the destroy means, as the answer states it (crypto-shredding). */
  public String consequence() {
    return "key "
        + keyId
        + " is destroyed: every value still encrypted under it ("
        + unreadableValues
        + " stored) can never be read again (crypto-shredding)";
  }
}
