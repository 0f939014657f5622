package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.EmailVerification;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.OwnProfileChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
          identity
              .updateOwnProfile(
                  linus, new UserProfile("Linus B.", "Torvalds", null, "LINUS@example.org"), null)
              .user();
      assertThat(renamed.firstName()).isEqualTo("Linus B.");
      assertThat(renamed.lastName()).isEqualTo("Torvalds");
      assertThat(renamed.displayName()).isEqualTo("Linus B. Torvalds");
      assertThat(renamed.revision()).isGreaterThan(before.revision());
      assertThat(renamed.disabled()).isFalse();

      UserProfile moved = new UserProfile("Linus B.", "Torvalds", null, "linus@elsewhere.example");
      assertCurrentPasswordRefused(() -> identity.updateOwnProfile(linus, moved, null));
      assertCurrentPasswordRefused(
          () -> identity.updateOwnProfile(linus, moved, Secret.of("not-the-password-123")));
      OwnProfileChange change = identity.updateOwnProfile(linus, moved, Secret.of(PASSWORD));
      // A11, Z9: the new address waits for its link; the old, verified one stays until then.
      assertThat(change.user().email()).isEqualTo("LINUS@example.org");
      EmailVerification link = change.emailVerification().orElseThrow();
      assertThat(link.email()).isEqualTo("linus@elsewhere.example");
      assertThat(link.toString()).doesNotContain(new String(link.token().reveal()));
      assertThat(identity.findUser("linus").orElseThrow().email()).isEqualTo("LINUS@example.org");
      assertThat(identity.confirmEmailChange(link.token())).isEqualTo("linus");
      assertThat(identity.findUser("linus").orElseThrow().email())
          .isEqualTo("linus@elsewhere.example");
      assertThatThrownBy(() -> identity.confirmEmailChange(link.token()))
          .as("single use")
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.rules()).containsExactly("verification-token"));

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

  @EveryDatabaseTest
  void a11_z9_emailLinkIsReplacedByANewerOneAndExpires(TestDatabase db) throws Exception {
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
            .jobExecutor(JobExecutorActivation.OFF)
            .build()) {
      IdentityService identity = engine.identityService();
      identity.createUser(
          ADMIN,
          new NewUser(
              "maria",
              new UserProfile("Maria", "S", null, "maria@example.org"),
              Secret.of(PASSWORD),
              PasswordChange.NOT_REQUIRED));
      Principal maria = new Principal("maria", Set.of());
      EmailVerification first = link(identity, maria, "first@example.org");
      EmailVerification second = link(identity, maria, "second@example.org");
      assertThatThrownBy(() -> identity.confirmEmailChange(first.token()))
          .as("replaced by the newer link")
          .isInstanceOf(ValidationException.class);
      try (Connection c = db.connect();
          PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE bw_email_verification SET expires = ? WHERE user_id = ?")) {
        ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
        ps.setString(2, "maria");
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      assertThatThrownBy(() -> identity.confirmEmailChange(second.token()))
          .as("expired")
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> identity.confirmEmailChange(Secret.of("short")))
          .isInstanceOf(ValidationException.class);
      assertThat(identity.findUser("maria").orElseThrow().email()).isEqualTo("maria@example.org");

      EmailVerification third = link(identity, maria, "third@example.org");
      identity.disableUser(ADMIN, "maria");
      assertThatThrownBy(() -> identity.confirmEmailChange(third.token()))
          .as("disabled user")
          .isInstanceOf(ValidationException.class);
    }
  }

  private static EmailVerification link(IdentityService identity, Principal user, String email) {
    return identity
        .updateOwnProfile(user, new UserProfile("Maria", "S", null, email), Secret.of(PASSWORD))
        .emailVerification()
        .orElseThrow();
  }

  @EveryDatabaseTest
  void z9_localeAndTimeZoneAreStoredAndCheckedNamingTheField(TestDatabase db) {
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
            .jobExecutor(JobExecutorActivation.OFF)
            .build()) {
      IdentityService identity = engine.identityService();
      identity.createUser(
          ADMIN,
          new NewUser(
              "grace",
              new UserProfile("Grace", "H", null, null, "en-GB", "Europe/London"),
              Secret.of(PASSWORD),
              PasswordChange.NOT_REQUIRED));
      Principal grace = new Principal("grace", Set.of());
      assertThat(identity.findUser("grace").orElseThrow().timeZone()).isEqualTo("Europe/London");

      User moved =
          identity
              .updateOwnProfile(
                  grace, new UserProfile("Grace", "H", null, null, "de-CH", "Europe/Zurich"), null)
              .user();
      assertThat(moved.locale()).isEqualTo("de-CH");
      assertThat(moved.timeZone()).isEqualTo("Europe/Zurich");
      assertThat(identity.findUser("grace").orElseThrow().profile()).isEqualTo(moved.profile());

      for (String locale : new String[] {"de_CH", "xx-QQ", "en-GB-x-" + "a".repeat(40), ""}) {
        assertThatThrownBy(
                () ->
                    identity.updateOwnProfile(
                        grace, new UserProfile("Grace", "H", null, null, locale, null), null))
            .as(locale)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("locale"));
      }
      for (String zone : new String[] {"Mars/Olympus", "+01:00", "europe/zurich"}) {
        assertThatThrownBy(
                () ->
                    identity.updateProfile(
                        ADMIN, "grace", new UserProfile("Grace", "H", null, null, null, zone)))
            .as(zone)
            .isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeZone"));
      }
      assertThat(identity.findUser("grace").orElseThrow().timeZone())
          .as("nothing half-written")
          .isEqualTo("Europe/Zurich");
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
