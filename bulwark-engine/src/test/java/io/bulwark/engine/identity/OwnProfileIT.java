package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.util.Set;

/**
 * Z9 on H2 and PostgreSQL: a user without any grant edits their own names and e-mail, the e-mail
 * only with their current password; nothing else of the user changes, and the revision moves on so
 * that other sessions and tokens end (A10). A trusted application has no profile of its own.
 */
class OwnProfileIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String PASSWORD = "Correct-Horse-Battery-93";

  @EveryDatabaseTest
  void z9_userEditsOwnNamesAndWithPasswordTheirEmail(TestDatabase db) {
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
            .jobExecutor(JobExecutorActivation.OFF)
            .build()) {
      IdentityService identity = engine.identityService();
      User before =
          identity.createUser(
              ADMIN,
              new NewUser(
                  "linus",
                  new UserProfile("Linus", "T", null, "linus@example.org"),
                  Secret.of(PASSWORD),
                  PasswordChange.NOT_REQUIRED));
      identity.createGroup(ADMIN, "readers", "Readers");
      identity.addMembership(ADMIN, "linus", "readers");
      Principal linus = new Principal("linus", Set.of("readers"));

      User renamed =
          identity.updateOwnProfile(
              linus, new UserProfile("Linus B.", "Torvalds", null, "LINUS@example.org"), null);
      assertThat(renamed.firstName()).isEqualTo("Linus B.");
      assertThat(renamed.lastName()).isEqualTo("Torvalds");
      assertThat(renamed.displayName()).isEqualTo("Linus B. Torvalds");
      assertThat(renamed.revision()).isGreaterThan(before.revision());
      assertThat(renamed.disabled()).isFalse();

      UserProfile moved = new UserProfile("Linus B.", "Torvalds", null, "linus@elsewhere.example");
      assertCurrentPasswordRefused(() -> identity.updateOwnProfile(linus, moved, null));
      assertCurrentPasswordRefused(
          () -> identity.updateOwnProfile(linus, moved, Secret.of("not-the-password-123")));
      assertThat(identity.updateOwnProfile(linus, moved, Secret.of(PASSWORD)).email())
          .isEqualTo("linus@elsewhere.example");

      assertThatThrownBy(
              () ->
                  identity.updateOwnProfile(
                      linus,
                      new UserProfile("L", "T", null, "not an address"),
                      Secret.of(PASSWORD)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("email"));
      assertThat(identity.findUser("linus").orElseThrow().email())
          .isEqualTo("linus@elsewhere.example");
      assertThatThrownBy(
              () ->
                  identity.updateOwnProfile(
                      engine.trustedApplication("app"),
                      new UserProfile("A", "B", null, null),
                      null))
          .isInstanceOf(ForbiddenException.class);
    }
  }

  private static void assertCurrentPasswordRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("currentPassword");
              assertThat(e.rules()).containsExactly("current-password");
            });
  }
}
