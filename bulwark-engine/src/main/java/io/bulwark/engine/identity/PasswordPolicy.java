package io.bulwark.engine.identity;

import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The minimal password policy (A4): 12 to 128 characters, must not contain the user ID (ignoring
 * case), must differ from the current password. Every broken rule is reported at once. The
 * breached-password list and configurability come later.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  static final String RULE_MIN_LENGTH = "min-length";
  static final String RULE_MAX_LENGTH = "max-length";
  static final String RULE_CONTAINS_USER_ID = "not-containing-user-id";
  static final String RULE_SAME_AS_CURRENT = "differs-from-current";

  /**
   * @param current the current password, or null for a new user
   * @throws ValidationException naming field {@code password} and every rule broken
   */
  void check(String userId, Secret candidate, Secret current) {
    List<String> broken = new ArrayList<>();
    int length = candidate.length();
    if (length < MIN_LENGTH) {
      broken.add(RULE_MIN_LENGTH);
    }
    if (length > MAX_LENGTH) {
      broken.add(RULE_MAX_LENGTH);
    }
    if (containsIgnoringCase(candidate, userId)) {
      broken.add(RULE_CONTAINS_USER_ID);
    }
    if (current != null && candidate.equals(current)) {
      broken.add(RULE_SAME_AS_CURRENT);
    }
    if (!broken.isEmpty()) {
      throw new ValidationException(
          "password",
          broken,
          "password breaks rules "
              + broken
              + " (length "
              + MIN_LENGTH
              + ".."
              + MAX_LENGTH
              + ", must not contain the user ID, must differ from the current password)");
    }
  }

  private static boolean containsIgnoringCase(Secret candidate, String userId) {
    char[] chars = candidate.reveal();
    try {
      for (int start = 0; start + userId.length() <= chars.length; start++) {
        if (matchesAt(chars, start, userId)) {
          return true;
        }
      }
      return false;
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static boolean matchesAt(char[] chars, int start, String userId) {
    for (int i = 0; i < userId.length(); i++) {
      if (Character.toLowerCase(chars[start + i]) != Character.toLowerCase(userId.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
