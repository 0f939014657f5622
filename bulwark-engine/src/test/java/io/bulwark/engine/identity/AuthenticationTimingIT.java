package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.testing.db.H2Test;
import io.bulwark.testing.db.TestDatabase;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A6: an unknown user must cost a full password hash, like a wrong password. The bound is loose (a
 * factor of 3 between medians): it catches a skipped hash (about 100x faster), not jitter.
 */
@H2Test
class AuthenticationTimingIT {

  private static final int ROUNDS = 5;

  @Test
  void a6_unknownUserAndWrongPasswordTakeComparableTime(TestDatabase db) {
    try (BulwarkEngine engine = IdentityServiceIT.engine(db)) {
      IdentityService identity = engine.identityService();
      identity.createUser(
          new Principal("test", Set.of("bulwark-admins")),
          new NewUser(
              "carol", "Carol", Secret.of("a long secret phrase"), PasswordChange.REQUIRED));
      Secret wrong = Secret.of("definitely not it");
      identity.authenticate("carol", wrong); // warm-up
      identity.authenticate("mallory", wrong);

      long[] known = new long[ROUNDS];
      long[] unknown = new long[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        known[i] = timed(identity, "carol", wrong);
        unknown[i] = timed(identity, "mallory", wrong);
      }
      double ratio = (double) median(known) / median(unknown);
      assertThat(ratio).as("median wrong-password / unknown-user time").isBetween(1 / 3.0, 3.0);
    }
  }

  private static long timed(IdentityService identity, String userId, Secret password) {
    long start = System.nanoTime();
    assertThat(identity.authenticate(userId, password).outcome())
        .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
    return System.nanoTime() - start;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
