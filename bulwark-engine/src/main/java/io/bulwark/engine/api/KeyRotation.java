package io.bulwark.engine.api;

/**
 * What an online rotation did (D2).
 *
 * @param primary the new primary key
 * @param previousPrimary the id of the key that was primary before; it stays in the key set
 * @param emailAddresses how many stored e-mail addresses were re-encrypted with the new key
 * @param variableReencryption whether a background job re-encrypts sensitive variables still under
 *     an older key ({@code false}: none are stored, or a job was already there and picks the new
 *     key up)
 */
public record KeyRotation(
    KeyInfo primary, int previousPrimary, int emailAddresses, boolean variableReencryption) {

  /**
   * The rule for destroying a key, as the answer states it: a destroyed key makes every value it
   * still encrypts unreadable for good (crypto-shredding), so destroy the previous key only once no
   * job of type {@code variable-reencrypt} is left (an online destroy is refused until then).
   */
  public static final String DESTROY_RULE =
      "destroy key PREVIOUS only after the variable-reencrypt job is gone (server log: 're-encrypted"
          + " N sensitive values with the primary key (D2)' without 'more follow'; until then a"
          + " destroy answers 409): POST /engine-rest/key/PREVIOUS/destroy, or ./bulwark admin keys"
          + " destroy PREVIOUS with the server stopped; every value a destroyed key still encrypts"
          + " becomes unreadable for good";

  /** {@link #DESTROY_RULE} with the previous key's id. */
  public String destroyRule() {
    return DESTROY_RULE.replace("PREVIOUS", Integer.toString(previousPrimary));
  }
}
