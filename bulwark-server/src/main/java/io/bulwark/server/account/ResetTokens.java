package io.bulwark.server.account;

/**
 * The shape of the tokens in mailed links (A11): 43 URL-safe base64 characters. Anything else is
 * refused before it reaches the engine.
 */
final class ResetTokens {

  private ResetTokens() {}

  static boolean hasShape(String token) {
    return token.length() == 43 && token.chars().allMatch(ResetTokens::urlSafe);
  }

  private static boolean urlSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
