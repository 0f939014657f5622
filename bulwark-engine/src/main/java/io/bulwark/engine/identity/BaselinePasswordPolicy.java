package io.bulwark.engine.identity;

import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordPolicySettings.CommonPasswords;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.spi.PasswordPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in password policy (A4, NIST SP 800-63B 3.1.1.2): a length range in code points, the
 * shipped list of common and breached passwords, no user ID, name or context word inside (ignoring
 * case), not only white space, no invisible characters, no long run of repeated or consecutive
 * characters. No composition rules and no expiry. The list rule also refuses a listed word with
 * digits, symbols or spaces only before or after it ({@code Summer2024!!}, {@code Password1234}).
 * Immutable and thread-safe; the list is loaded on the first check.
 */
public final class BaselinePasswordPolicy implements PasswordPolicy {

  public static final String MIN_LENGTH = "min-length";
  public static final String MAX_LENGTH = "max-length";
  public static final String COMMON = "common-password";
  public static final String USER_ID = "not-containing-user-id";
  public static final String USER_NAME = "not-containing-user-name";
  public static final String CONTEXT_WORD = "not-containing-context-word";
  public static final String WHITESPACE_ONLY = "not-whitespace-only";
  public static final String INVISIBLE = "no-invisible-characters";
  public static final String REPEATED_OR_SEQUENTIAL = "no-repeated-or-sequential";

  /** User IDs and name parts shorter than this are not searched for (too many false refusals). */
  static final int MIN_PERSONAL_WORD = 3;

  /** A listed word inside digits and symbols is refused only from this length on. */
  private static final int MIN_CORE = 4;

  private final PasswordPolicySettings settings;
  private final List<PasswordRule> rules;

  public BaselinePasswordPolicy(PasswordPolicySettings settings) {
    this.settings = settings;
    this.rules = describe(settings);
  }

  public PasswordPolicySettings settings() {
    return settings;
  }

  @Override
  public List<PasswordRule> rules() {
    return rules;
  }

  @Override
  public Set<String> brokenRules(PasswordCandidate candidate) {
    char[] chars = candidate.password().reveal();
    char[] lower = PasswordText.lowerCase(chars);
    try {
      Set<String> broken = new LinkedHashSet<>();
      int length = Character.codePointCount(chars, 0, chars.length);
      if (length < settings.minLength()) {
        broken.add(MIN_LENGTH);
      }
      if (length > settings.maxLength()) {
        broken.add(MAX_LENGTH);
      }
      if (length > PasswordPolicySettings.LIMIT_MAX_LENGTH) {
        // Refused for its length alone; the other rules would only cost time.
        return broken;
      }
      if (settings.commonPasswords() == CommonPasswords.REJECT && common(lower)) {
        broken.add(COMMON);
      }
      candidate
          .userId()
          .filter(id -> id.length() >= MIN_PERSONAL_WORD)
          .filter(id -> PasswordText.contains(lower, lower(id)))
          .ifPresent(id -> broken.add(USER_ID));
      if (candidate.displayName().map(name -> containsNamePart(lower, name)).orElse(false)) {
        broken.add(USER_NAME);
      }
      if (settings.contextWords().stream().anyMatch(w -> PasswordText.contains(lower, w))) {
        broken.add(CONTEXT_WORD);
      }
      if (PasswordShape.whitespaceOnly(chars)) {
        broken.add(WHITESPACE_ONLY);
      }
      if (PasswordShape.hasInvisible(chars)) {
        broken.add(INVISIBLE);
      }
      if (PasswordShape.repeatedOrSequential(lower)) {
        broken.add(REPEATED_OR_SEQUENTIAL);
      }
      return broken;
    } finally {
      Arrays.fill(chars, '\0');
      Arrays.fill(lower, '\0');
    }
  }

  /** The whole password, or its letters without leading and trailing non-letters, is listed. */
  private static boolean common(char[] lower) {
    CommonPasswordList list = CommonPasswordList.shipped();
    if (list.contains(lower, 0, lower.length)) {
      return true;
    }
    int from = 0;
    int to = lower.length;
    while (from < to && !Character.isLetter(lower[from])) {
      from++;
    }
    while (to > from && !Character.isLetter(lower[to - 1])) {
      to--;
    }
    boolean trimmed = from > 0 || to < lower.length;
    return trimmed && to - from >= MIN_CORE && list.contains(lower, from, to);
  }

  private static boolean containsNamePart(char[] lower, String name) {
    for (String part : lower(name).split("[^\\p{L}\\p{N}]+", -1)) {
      if (part.length() >= MIN_PERSONAL_WORD && PasswordText.contains(lower, part)) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String text) {
    char[] chars = PasswordText.lowerCase(text.toCharArray());
    return new String(chars);
  }

  private static List<PasswordRule> describe(PasswordPolicySettings settings) {
    List<PasswordRule> rules = new ArrayList<>();
    rules.add(
        new PasswordRule(MIN_LENGTH, Map.of("minLength", String.valueOf(settings.minLength()))));
    rules.add(
        new PasswordRule(MAX_LENGTH, Map.of("maxLength", String.valueOf(settings.maxLength()))));
    if (settings.commonPasswords() == CommonPasswords.REJECT) {
      rules.add(PasswordRule.of(COMMON));
    }
    rules.add(PasswordRule.of(USER_ID));
    rules.add(PasswordRule.of(USER_NAME));
    if (!settings.contextWords().isEmpty()) {
      rules.add(
          new PasswordRule(
              CONTEXT_WORD,
              Map.of("words", String.join(",", new TreeSet<>(settings.contextWords())))));
    }
    rules.add(PasswordRule.of(WHITESPACE_ONLY));
    rules.add(PasswordRule.of(INVISIBLE));
    rules.add(
        new PasswordRule(
            REPEATED_OR_SEQUENTIAL, Map.of("maxRun", String.valueOf(PasswordShape.MAX_RUN))));
    return List.copyOf(rules);
  }
}
