package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's one-time passwords: a new user's and a reset one (A2, A10). */
class OneTimePasswordIT {

  @TempDir Path dataDir;

  @Test
  void a2_createdUserGetsAOneTimePasswordToChange() {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      IdentityService identity = engine.identityService();
      Principal operator = engine.trustedApplication("cli-admin");
      try (Secret password =
          identity.createUserWithOneTimePassword(
              operator, "erin", new UserProfile("Erin", "Ash", null, "erin@example.org"))) {
        assertThat(password.length()).isEqualTo(OneTimePasswords.LENGTH);
        assertThat(identity.authenticate("erin", password).outcome())
            .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
      }
      User erin = identity.findUser("erin").orElseThrow();
      assertThat(erin.email()).isEqualTo("erin@example.org");
      assertThat(erin.mustChangePassword()).isTrue();
    }
  }

  @Test
  void a10_resetGivesANewOneTimePasswordAndANewRevision() {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      IdentityService identity = engine.identityService();
      Principal operator = engine.trustedApplication("cli-admin");
      Secret first =
          identity.createUserWithOneTimePassword(operator, "erin", UserProfile.ofDisplayName("E"));
      long revision = identity.findUser("erin").orElseThrow().revision();

      try (Secret second = identity.resetToOneTimePassword(operator, "erin")) {
        assertThat(second).isNotEqualTo(first);
        assertThat(identity.authenticate("erin", first).outcome())
            .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
        assertThat(identity.authenticate("erin", second).outcome())
            .isEqualTo(AuthenticationOutcome.PASSWORD_CHANGE_REQUIRED);
      }
      assertThat(identity.findUser("erin").orElseThrow().revision()).isGreaterThan(revision);
      assertThat(identity.confirmAuthenticated("erin", revision)).isEmpty();
    }
  }

  @Test
  void resetByAUserOrOfAnUnknownUserIsRefused() {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      IdentityService identity = engine.identityService();
      Principal admin = Principal.user("root", IdentityService.ADMINISTRATORS_GROUP);
      assertThatThrownBy(() -> identity.resetToOneTimePassword(admin, "erin"))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(
              () -> identity.resetToOneTimePassword(engine.trustedApplication("cli"), "nobody"))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
