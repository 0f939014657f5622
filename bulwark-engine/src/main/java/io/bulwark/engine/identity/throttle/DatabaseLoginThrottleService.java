package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.LoginAdmission;
import io.bulwark.engine.api.LoginAdmission.Verdict;
import io.bulwark.engine.api.LoginAttempt;
import io.bulwark.engine.api.LoginThrottleService;
import io.bulwark.engine.api.LoginThrottleSettings;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandExecutor;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoginThrottleService} over tables {@code bw_login_failure} and {@code
 * bw_login_address}, one command per call through the command executor. Nothing is cached: every
 * node reads the shared counts (A5). Accounts are keyed by the user ID as typed, up to 64
 * characters (the longest valid ID, Z7); a longer one only meets the address rate, since no such
 * account exists. Every {@value #HOUSEKEEPING_EVERY}th admission on a node also deletes rows that
 * no longer matter. Thread-safe.
 */
public final class DatabaseLoginThrottleService implements LoginThrottleService {

  static final int MAX_ACCOUNT_LENGTH = 64;
  static final int HOUSEKEEPING_EVERY = 256;
  static final int MAX_RESULTS = 2000;
  private static final int ATTEMPTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseLoginThrottleService.class);
  private static final Actor THROTTLE = Actor.system("login-throttle");

  private final CommandExecutor commands;
  private final LoginThrottleSettings settings;
  private final ThrottleRules rules;
  private final LoginThrottleRepository repository = new LoginThrottleRepository();
  private final AtomicLong admissions = new AtomicLong();

  public DatabaseLoginThrottleService(CommandExecutor commands, LoginThrottleSettings settings) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.rules = new ThrottleRules(settings);
    if (settings.mode() == LoginThrottleSettings.Mode.INSECURE_OFF) {
      LOG.warn("Login throttling is OFF: password guessing is unlimited (A5)");
    }
  }

  @Override
  public LoginAdmission admit(LoginAttempt attempt) {
    Objects.requireNonNull(attempt, "attempt");
    if (settings.mode() == LoginThrottleSettings.Mode.INSECURE_OFF) {
      return new LoginAdmission(Verdict.ADMITTED);
    }
    String address = ClientAddresses.key(attempt.clientAddress());
    String account = accountKey(attempt.userId());
    Verdict verdict = retryingConflicts(new AdmitLoginCommand(account, address, rules, repository));
    if (admissions.incrementAndGet() % HOUSEKEEPING_EVERY == 0) {
      forgetOldFailures();
    }
    return new LoginAdmission(verdict);
  }

  @Override
  public void succeeded(LoginAttempt attempt) {
    Objects.requireNonNull(attempt, "attempt");
    String account = accountKey(attempt.userId());
    if (settings.mode() == LoginThrottleSettings.Mode.INSECURE_OFF || account == null) {
      return;
    }
    String address = ClientAddresses.key(attempt.clientAddress());
    retryingConflicts(new RecordLoginSuccessCommand(account, address, rules, repository));
  }

  @Override
  public int unlock(Principal actor, String userId) {
    String account = accountKey(userId);
    if (account == null || account.isBlank()) {
      throw ValidationException.of(
          "userId", "id-length", "invalid userId; it must have 1 to 64 characters (Z7)");
    }
    return commands.execute(actor(actor), new UnlockAccountCommand(account, repository));
  }

  @Override
  public List<LockedAccount> lockedAccounts(Principal actor, int maxResults) {
    if (maxResults < 1 || maxResults > MAX_RESULTS) {
      throw ValidationException.of(
          "maxResults", "range", "invalid maxResults " + maxResults + "; must be 1..2000 (W8)");
    }
    return commands.execute(
        actor(actor), new FindLockedAccountsCommand(settings, rules, maxResults, repository));
  }

  private void forgetOldFailures() {
    try {
      int deleted = commands.execute(THROTTLE, new ForgetOldFailuresCommand(rules, repository));
      LOG.debug("Login throttle housekeeping deleted {} rows", deleted);
    } catch (RuntimeException e) {
      // Housekeeping only: the attempt has been decided; the next round tries again.
      LOG.warn("Login throttle housekeeping failed", e);
    }
  }

  /**
   * Two first attempts on one account or address may both insert its row; the loser gets a conflict
   * and retries, then finds the row and waits for its lock.
   */
  private <T> T retryingConflicts(Command<T> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return commands.execute(THROTTLE, command);
      } catch (ConflictException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static @Nullable String accountKey(@Nullable String userId) {
    if (userId == null || userId.length() > MAX_ACCOUNT_LENGTH) {
      return null;
    }
    return userId;
  }

  private Actor actor(Principal principal) {
    return commands.actorOf(principal);
  }
}
