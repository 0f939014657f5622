package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordCheckResult;
import io.bulwark.engine.api.PasswordPolicySettings;
import io.bulwark.engine.api.PasswordRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.api.spi.PasswordPolicy;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The password policy (A4) through the engine API, on H2 and PostgreSQL. */
class PasswordPolicyIT {

  private static final Principal ACTOR = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String USER = "summer-intern-2024";

  /** The issue's passwords, each with a rule it must be refused for. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "Password1234",
          BaselinePasswordPolicy.COMMON,
          "Summer2024!!",
          BaselinePasswordPolicy.COMMON,
          " ".repeat(14),
          BaselinePasswordPolicy.WHITESPACE_ONLY,
          "aaaaaaaaaaaa",
          BaselinePasswordPolicy.REPEATED_OR_SEQUENTIAL,
          "123456789012",
          BaselinePasswordPolicy.REPEATED_OR_SEQUENTIAL,
          USER,
          BaselinePasswordPolicy.USER_ID);

  private static BulwarkEngine engine(TestDatabase db) {
    return BulwarkEngine.builder()
        .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
        .build();
  }

  private static long users(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bw_user");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @EveryDatabaseTest
  void a4_createUserRefusesTheIssuePasswordsNamingTheRulesAndWritesNothing(TestDatabase db)
      throws SQLException {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      REFUSED.forEach(
          (password, rule) ->
              assertThatThrownBy(
                      () ->
                          identity.createUser(
                              ACTOR,
                              new NewUser(
                                  USER,
                                  "Summer Intern",
                                  Secret.of(password),
                                  PasswordChange.NOT_REQUIRED)))
                  .isInstanceOfSatisfying(
                      ValidationException.class,
                      e -> {
                        assertThat(e.field()).isEqualTo("password");
                        assertThat(e.rules()).contains(rule);
                        assertThat(e.getMessage()).contains(rule);
                        if (!password.isBlank()) {
                          assertThat(e.getMessage()).doesNotContain(password);
                        }
                      }));
      assertThat(users(db)).isZero();
      assertThat(identity.findUser(USER)).isEmpty();
    }
  }

  @EveryDatabaseTest
  void a4_checkPasswordReportsEveryRuleAndStoresNothing(TestDatabase db) throws SQLException {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      PasswordCheckResult refused =
          identity.checkPassword(PasswordCandidate.of(Secret.of("aaaaaaaaaaaa"), null, null));
      assertThat(refused.valid()).isFalse();
      assertThat(refused.broken())
          .containsExactly(
              BaselinePasswordPolicy.COMMON, BaselinePasswordPolicy.REPEATED_OR_SEQUENTIAL);
      assertThat(refused.rules()).hasSize(identity.passwordPolicy().size());

      PasswordCheckResult accepted =
          identity.checkPassword(
              PasswordCandidate.of(Secret.of("correct horse battery"), USER, "Summer Intern"));
      assertThat(accepted.valid()).isTrue();
      assertThat(accepted.broken()).isEmpty();
      assertThat(users(db)).isZero();
    }
  }

  @EveryDatabaseTest
  void a4_changePasswordRefusesTheSamePasswordAndTheUserId(TestDatabase db) {
    try (BulwarkEngine engine = engine(db)) {
      IdentityService identity = engine.identityService();
      identity.createUser(
          ACTOR,
          new NewUser(
              USER, "Summer Intern", Secret.of("correct horse battery"), PasswordChange.REQUIRED));
      assertThatThrownBy(
              () ->
                  identity.changePassword(
                      USER, Secret.of("correct horse battery"), Secret.of("ｃｏｒｒｅｃｔ horse battery")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.rules()).containsExactly(Passwords.SAME_AS_CURRENT));
      assertThatThrownBy(
              () ->
                  identity.changePassword(
                      USER, Secret.of("correct horse battery"), Secret.of("x" + USER + "x")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.rules()).contains(BaselinePasswordPolicy.USER_ID));
      identity.changePassword(
          USER, Secret.of("correct horse battery"), Secret.of("river otter lamp quartz"));
      assertThat(identity.findUser(USER).orElseThrow().mustChangePassword()).isFalse();
    }
  }

  @EveryDatabaseTest
  void a4_settingsChangeTheRules(TestDatabase db) {
    PasswordPolicySettings settings =
        PasswordPolicySettings.defaults().withMinLength(16).withContextWords(Set.of("Acme"));
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
            .passwordPolicy(settings)
            .build()) {
      IdentityService identity = engine.identityService();
      assertThat(identity.passwordPolicy().get(0).parameters()).containsEntry("minLength", "16");
      PasswordCheckResult result =
          identity.checkPassword(PasswordCandidate.of(Secret.of("acme bulwark x"), null, null));
      assertThat(result.broken())
          .containsExactly(BaselinePasswordPolicy.MIN_LENGTH, BaselinePasswordPolicy.CONTEXT_WORD);
    }
  }

  @EveryDatabaseTest
  void a4_customPolicyReplacesTheBuiltInOne(TestDatabase db) {
    PasswordPolicy custom =
        new PasswordPolicy() {
          @Override
          public List<PasswordRule> rules() {
            return List.of(PasswordRule.of("no-q"));
          }

          @Override
          public Set<String> brokenRules(PasswordCandidate candidate) {
            char[] chars = candidate.password().reveal();
            boolean hasQ = new String(chars).indexOf('q') >= 0;
            return hasQ ? Set.of("no-q") : Set.of();
          }
        };
    try (BulwarkEngine engine =
        BulwarkEngine.builder()
            .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
            .passwordPolicy(custom)
            .build()) {
      IdentityService identity = engine.identityService();
      assertThat(identity.passwordPolicy()).extracting(PasswordRule::id).containsExactly("no-q");
      assertThatThrownBy(
              () ->
                  identity.createUser(
                      ACTOR,
                      new NewUser("q-user", "Q", Secret.of("quartz"), PasswordChange.REQUIRED)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.rules()).containsExactly("no-q"));
    }
  }
}
