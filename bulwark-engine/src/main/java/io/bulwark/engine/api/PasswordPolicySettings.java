package io.bulwark.engine.api;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The settings of the built-in password policy (A4); every default is the baseline. Values that
 * make no sense are refused here; values that are valid but weaker than the baseline (a minimum
 * under {@value #BASELINE_MIN_LENGTH}, a maximum under {@value #BASELINE_MAX_LENGTH}, the list of
 * common passwords switched off) are accepted, logged at start and reported as FAIL by {@code
 * doctor}, which in turn stops a production server.
 *
 * @param minLength the fewest characters (after NFKC normalization); default 12, 1 or more
 * @param maxLength the most characters; default 128, from {@code minLength} to {@value
 *     #LIMIT_MAX_LENGTH}; longer passwords are refused, never truncated
 * @param commonPasswords whether the shipped list of common and breached passwords is checked
 * @param contextWords words a password must not contain, ignoring case (for example the product or
 *     company name); default {@code bulwark}; each 3 to 64 characters, at most 100; stored
 *     normalized (NFKC) and in lower case
 */
public record PasswordPolicySettings(
    int minLength, int maxLength, CommonPasswords commonPasswords, Set<String> contextWords) {

  public static final int BASELINE_MIN_LENGTH = 12;
  public static final int BASELINE_MAX_LENGTH = 128;

  /** Above this a password only costs hashing time: nobody types 4096 characters. */
  public static final int LIMIT_MAX_LENGTH = 4096;

  private static final int MAX_CONTEXT_WORDS = 100;
  private static final int MIN_WORD = 3;
  private static final int MAX_WORD = 64;

  public PasswordPolicySettings {
    if (minLength < 1) {
      throw ValidationException.of(
          "passwordPolicy.minLength", "min", "invalid minimum length " + minLength + "; 1 or more");
    }
    if (maxLength < minLength || maxLength > LIMIT_MAX_LENGTH) {
      throw ValidationException.of(
          "passwordPolicy.maxLength",
          "range",
          "invalid maximum length "
              + maxLength
              + "; from the minimum length ("
              + minLength
              + ") to "
              + LIMIT_MAX_LENGTH);
    }
    if (commonPasswords == null) {
      throw ValidationException.of(
          "passwordPolicy.commonPasswords", "required", "choose REJECT or ALLOW_INSECURE");
    }
    contextWords = normalizedWords(contextWords);
  }

  /** The baseline: 12 to 128 characters, common passwords refused, context word "bulwark". */
  public static PasswordPolicySettings defaults() {
    return new PasswordPolicySettings(
        BASELINE_MIN_LENGTH, BASELINE_MAX_LENGTH, CommonPasswords.REJECT, Set.of("bulwark"));
  }

  /** Whether every value is at least as strict as the baseline. */
  public boolean meetsBaseline() {
    return minLength >= BASELINE_MIN_LENGTH
        && maxLength >= BASELINE_MAX_LENGTH
        && commonPasswords == CommonPasswords.REJECT;
  }

  public PasswordPolicySettings withMinLength(int value) {
    return new PasswordPolicySettings(value, maxLength, commonPasswords, contextWords);
  }

  public PasswordPolicySettings withMaxLength(int value) {
    return new PasswordPolicySettings(minLength, value, commonPasswords, contextWords);
  }

  public PasswordPolicySettings withCommonPasswords(CommonPasswords value) {
    return new PasswordPolicySettings(minLength, maxLength, value, contextWords);
  }

  public PasswordPolicySettings withContextWords(Set<String> value) {
    return new PasswordPolicySettings(minLength, maxLength, commonPasswords, value);
  }

  private static Set<String> normalizedWords(Set<String> words) {
    if (words.size() > MAX_CONTEXT_WORDS) {
      throw ValidationException.of(
          "passwordPolicy.contextWords",
          "max-size",
          "too many context words: " + words.size() + "; at most " + MAX_CONTEXT_WORDS);
    }
    Set<String> normalized = new LinkedHashSet<>();
    for (String word : words) {
      String w =
          Normalizer.normalize(word == null ? "" : word.strip(), Normalizer.Form.NFKC)
              .toLowerCase(Locale.ROOT);
      if (w.length() < MIN_WORD || w.length() > MAX_WORD) {
        throw ValidationException.of(
            "passwordPolicy.contextWords",
            "length",
            "invalid context word of "
                + w.length()
                + " characters; each must have "
                + MIN_WORD
                + " to "
                + MAX_WORD);
      }
      normalized.add(w);
    }
    return Set.copyOf(normalized);
  }

  /** Whether passwords on the shipped list of common and breached passwords are refused. */
  public enum CommonPasswords {
    /** Refused (the default). */
    REJECT,
    /** Not checked: below the baseline (A4), a {@code doctor} FAIL. */
    ALLOW_INSECURE
  }
}
