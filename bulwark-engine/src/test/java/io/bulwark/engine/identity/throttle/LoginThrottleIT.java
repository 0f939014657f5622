package io.bulwark.engine.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.LoginAdmission;
import io.bulwark.engine.api.LoginAdmission.Verdict;
import io.bulwark.engine.api.LoginAttempt;
import io.bulwark.engine.api.LoginThrottleService;
import io.bulwark.engine.api.LoginThrottleSettings;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The login throttle (A5) on H2 and PostgreSQL, with a clock the test moves. Two services over one
 * database stand for two nodes of a cluster: what one counts, the other enforces.
 */
class LoginThrottleIT {

  private static final Principal ADMIN = new Principal("admin", Set.of("bulwark-admins"));
  private static final String ATTACKER = "198.51.100.7";
  private static final String VICTIM_HOME = "203.0.113.20";

  private static LoginThrottleService service(
      HikariDataSource dataSource, MovableClock clock, LoginThrottleSettings settings) {
    return new DatabaseLoginThrottleService(
        new CommandExecutor(dataSource, new GrantChecker(), clock), settings);
  }

  /** Fails {@code count} times as fast as the throttle lets, and returns every verdict. */
  private static List<Verdict> failRepeatedly(
      LoginThrottleService throttle, String user, String address, int count) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      verdicts.add(throttle.admit(new LoginAttempt(user, address)).verdict());
    }
    return verdicts;
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a5_fiftyWrongPasswordsFromOneAddressLockItOutAndTheRightOneIsRefused(EngineDatabase db) {
    MovableClock clock = new MovableClock();
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService node1 = service(dataSource, clock, LoginThrottleSettings.defaults());
      LoginThrottleService node2 = service(dataSource, clock, LoginThrottleSettings.defaults());
      List<Verdict> verdicts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        LoginThrottleService node = i % 2 == 0 ? node1 : node2;
        verdicts.add(node.admit(new LoginAttempt("alice", ATTACKER)).verdict());
        clock.advance(Duration.ofSeconds(20));
      }
      // 3 free, then waits of 1, 2, 4, 8, 16 s pass at 20 s apart; 32 s and 60 s waits do not.
      assertThat(verdicts.stream().filter(v -> v == Verdict.ADMITTED_LAST_BEFORE_LOCKOUT))
          .hasSize(1);
      long admitted = verdicts.stream().filter(v -> new LoginAdmission(v).isAdmitted()).count();
      assertThat(admitted).isEqualTo(10);
      assertThat(verdicts.subList(45, 50)).containsOnly(Verdict.LOCKED);
      // The right password now: refused before it is checked, on either node.
      assertThat(node2.admit(new LoginAttempt("alice", ATTACKER)).isAdmitted()).isFalse();
      assertThat(node1.lockedAccounts(ADMIN, 10))
          .extracting(LockedAccount::userId, LockedAccount::clientAddress)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", ATTACKER));
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a5_theVictimSignsInFromAnotherAddressAtOnceAndFromTheAttackersAfterTheLockout(
      EngineDatabase db) {
    MovableClock clock = new MovableClock();
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService throttle = service(dataSource, clock, LoginThrottleSettings.defaults());
      for (int i = 0; i < 50; i++) {
        throttle.admit(new LoginAttempt("alice", ATTACKER));
        clock.advance(Duration.ofSeconds(20));
      }
      assertThat(throttle.admit(new LoginAttempt("alice", ATTACKER)).verdict())
          .isEqualTo(Verdict.LOCKED);

      LoginAttempt home = new LoginAttempt("alice", VICTIM_HOME);
      assertThat(throttle.admit(home).isAdmitted()).isTrue();
      throttle.succeeded(home);

      clock.advance(LoginThrottleSettings.defaults().lockoutDuration());
      LoginAttempt fromAttacker = new LoginAttempt("alice", ATTACKER);
      assertThat(throttle.admit(fromAttacker).verdict()).isEqualTo(Verdict.ADMITTED);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a5_manyAddressesLockTheAccountButNotTheUsersKnownAddress(EngineDatabase db) {
    MovableClock clock = new MovableClock();
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService throttle = service(dataSource, clock, LoginThrottleSettings.defaults());
      LoginAttempt home = new LoginAttempt("bob", VICTIM_HOME);
      throttle.admit(home);
      throttle.succeeded(home);
      // A botnet: 40 addresses, 3 free failures each (120 > 100), no delays triggered.
      for (int round = 0; round < 3; round++) {
        for (int bot = 1; bot <= 40; bot++) {
          throttle.admit(new LoginAttempt("bob", "192.0.2." + bot));
        }
      }
      assertThat(throttle.admit(new LoginAttempt("bob", "192.0.2.200")).verdict())
          .isEqualTo(Verdict.ACCOUNT_LOCKED);
      assertThat(throttle.admit(home).isAdmitted()).isTrue();
      assertThat(throttle.lockedAccounts(ADMIN, 10))
          .extracting(LockedAccount::clientAddress)
          .containsExactly(LockedAccount.EVERY_UNKNOWN_ADDRESS);

      assertThat(throttle.unlock(ADMIN, "bob")).isGreaterThan(0);
      assertThat(throttle.admit(new LoginAttempt("bob", "192.0.2.201")).isAdmitted()).isTrue();
      assertThat(throttle.lockedAccounts(ADMIN, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a5_oneAddressSprayingManyAccountsMeetsTheAddressRate(EngineDatabase db) {
    MovableClock clock = new MovableClock();
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService throttle = service(dataSource, clock, LoginThrottleSettings.defaults());
      List<Verdict> verdicts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        verdicts.add(throttle.admit(new LoginAttempt("user" + i, ATTACKER)).verdict());
      }
      assertThat(verdicts.subList(0, 30)).containsOnly(Verdict.ADMITTED);
      assertThat(verdicts.subList(30, 40)).containsOnly(Verdict.ADDRESS_RATE_EXCEEDED);
      clock.advance(Duration.ofSeconds(10));
      assertThat(throttle.admit(new LoginAttempt("user99", ATTACKER)).isAdmitted()).isTrue();
      assertThat(throttle.admit(new LoginAttempt("user98", ATTACKER)).isAdmitted()).isFalse();
      // Another IPv6 address of the same /64 is the same client.
      for (int i = 0; i < 30; i++) {
        throttle.admit(new LoginAttempt("v6user" + i, "2001:db8:1:2::" + Integer.toHexString(i)));
      }
      assertThat(throttle.admit(new LoginAttempt("v6user", "2001:db8:1:2:ffff::1")).verdict())
          .isEqualTo(Verdict.ADDRESS_RATE_EXCEEDED);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a6_unknownAndKnownUserIdsAreThrottledAlike(EngineDatabase db) {
    MovableClock clock = new MovableClock();
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService throttle = service(dataSource, clock, LoginThrottleSettings.defaults());
      assertThat(failRepeatedly(throttle, "nobody-by-this-name", ATTACKER, 5))
          .containsExactly(
              Verdict.ADMITTED,
              Verdict.ADMITTED,
              Verdict.ADMITTED,
              Verdict.DELAYED,
              Verdict.DELAYED);
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a5_parallelGuessesAreCountedOneByOne(EngineDatabase db) throws Exception {
    MovableClock clock = new MovableClock();
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService throttle = service(dataSource, clock, LoginThrottleSettings.defaults());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<LoginAdmission>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          guesses.add(() -> throttle.admit(new LoginAttempt("carol", ATTACKER)));
        }
        long admitted = 0;
        for (Future<LoginAdmission> f : pool.invokeAll(guesses)) {
          admitted += f.get().isAdmitted() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(3);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void a5_insecureOffAdmitsEverything(EngineDatabase db) {
    MovableClock clock = new MovableClock();
    LoginThrottleSettings d = LoginThrottleSettings.defaults();
    LoginThrottleSettings off =
        new LoginThrottleSettings(
            LoginThrottleSettings.Mode.INSECURE_OFF,
            d.freeFailures(),
            d.delay(),
            d.maxDelay(),
            d.lockoutFailures(),
            d.lockoutDuration(),
            d.accountFailures(),
            d.knownAddressPeriod(),
            d.addressBurst(),
            d.addressInterval());
    try (HikariDataSource dataSource = db.create()) {
      LoginThrottleService throttle = service(dataSource, clock, off);
      assertThat(failRepeatedly(throttle, "dave", ATTACKER, 50)).containsOnly(Verdict.ADMITTED);
    }
  }
}
