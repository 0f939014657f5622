package io.bulwark.server.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.bulwark.engine.api.AuthenticationOutcome;
import io.bulwark.engine.api.AuthenticationResult;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.GroupQuery;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryGroup;
import io.bulwark.engine.api.spi.ExternalDirectory.DirectoryUser;
import io.bulwark.server.doctor.CheckStatus;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A8 and T7 against an in-process LDAP server over LDAPS and StartTLS: LDAP users sign in through
 * the engine with a bind as themselves and take their groups from LDAP; a wrong or empty password,
 * an injection attempt and a disabled user are refused; LDAP users are read-only; an untrusted
 * certificate, a host name the certificate does not name and a plain-LDAP configuration are
 * refused.
 */
class LdapDirectoryIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  private static TestDirectoryServer ldap;

  @BeforeAll
  static void startDirectory() {
    ldap = TestDirectoryServer.start();
  }

  @AfterAll
  static void stopDirectory() {
    ldap.close();
  }

  private static LdapDirectory directory(LdapSettings settings) {
    try (Secret password = LdapConfiguration.bindPassword(settings)) {
      return new LdapDirectory(settings, password);
    }
  }

  private static AuthenticationResult signIn(IdentityService identity, String user, String pw) {
    try (Secret secret = Secret.of(pw)) {
      return identity.authenticate(user, secret);
    }
  }

  @Test
  void a8_w8_searchesAreNarrowedByEscapedFiltersAndBounded() {
    try (LdapDirectory directory = directory(ldap.ldaps());
        LdapDirectory bounded = directory(ldap.ldaps(1))) {
      assertThat(directory.searchUsers(users(null, "Ad%", null, null)))
          .extracting(DirectoryUser::id)
          .containsExactly("ada");
      DirectoryUser ada = directory.searchUsers(users("ada", null, null, null)).get(0);
      assertThat(ada).isEqualTo(directory.findUser("ada").orElseThrow());
      assertThat(directory.searchUsers(users(null, null, Set.of("eve", "mallory"), null)))
          .extracting(DirectoryUser::id, DirectoryUser::disabled)
          .containsExactlyInAnyOrder(tuple("eve", true), tuple("mallory", false));
      assertThat(directory.searchUsers(users(null, "*)(uid=*", null, null))).isEmpty();
      assertThat(directory.searchUsers(users(null, null, Set.of(), null))).isEmpty();
      assertThat(directory.searchGroups(groups("%gin%", "ada")))
          .containsExactly(new DirectoryGroup("engineers"));
      assertThat(directory.searchGroups(groups(null, "eve"))).isEmpty();
      assertThat(directory.searchUsers(users(null, null, null, null))).hasSizeGreaterThan(1);
      assertThat(bounded.searchUsers(users(null, null, null, null)))
          .as("search-size-limit 1")
          .hasSize(1);
    }
  }

  private static UserQuery users(String id, String firstNameLike, Set<String> ids, String group) {
    return new UserQuery(
        id, ids, null, firstNameLike, null, null, null, null, group, null, null, null, 0, 100);
  }

  private static GroupQuery groups(String nameLike, String member) {
    return new GroupQuery(null, null, null, nameLike, null, member, null, null, null, 0, 100);
  }

  @Test
  void a8_t7_ldapUserSignsInOverLdapsWithGroupsAndIsReadOnly(@TempDir Path data) {
    try (LdapDirectory directory = directory(ldap.ldaps());
        BulwarkEngine engine =
            BulwarkEngine.builder().embedded(data).directory(directory).build()) {
      IdentityService identity = engine.identityService();

      AuthenticationResult ada = signIn(identity, "ada", TestDirectoryServer.ADA_PASSWORD);
      assertThat(ada.outcome()).isEqualTo(AuthenticationOutcome.SUCCESS);
      assertThat(ada.principal().orElseThrow().groups()).containsExactly("engineers");
      assertThat(identity.findUser("ada").orElseThrow().email()).isEqualTo("ada@example.org");

      assertThat(signIn(identity, "ada", "wrong-password-123").outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(signIn(identity, "ada", "").outcome())
          .as("an empty password is never an anonymous bind")
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(signIn(identity, "nobody", "whatever-password-1").outcome())
          .isEqualTo(AuthenticationOutcome.BAD_CREDENTIALS);
      assertThat(signIn(identity, "eve", TestDirectoryServer.EVE_PASSWORD).outcome())
          .isEqualTo(AuthenticationOutcome.DISABLED);
      assertThat(identity.findUser("eve").orElseThrow().disabled()).isTrue();

      assertThatThrownBy(
              () ->
                  identity.updateProfile(
                      ADMIN, "ada", new UserProfile("A", "L", null, "other@example.org")))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("read-only");
      assertThatThrownBy(() -> identity.deleteUser(ADMIN, "ada"))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> identity.disableUser(ADMIN, "ada"))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(
              () ->
                  identity.createUser(
                      ADMIN,
                      new NewUser(
                          "ada",
                          "Ada",
                          Secret.of("Correct-Horse-Battery-93"),
                          PasswordChange.NOT_REQUIRED)))
          .isInstanceOf(ConflictException.class);
      assertThat(identity.getUser(ADMIN, "ada").firstName()).isEqualTo("Ada");
    }
  }

  @Test
  void a8_ldapInjectionFindsNoOne() {
    try (LdapDirectory directory = directory(ldap.ldaps())) {
      assertThat(directory.findUser("*)(uid=*")).isEmpty();
      assertThat(directory.findUser("*")).isEmpty();
      assertThat(directory.findUser("ada)(|(uid=*")).isEmpty();
      assertThat(directory.findUser("ada")).isPresent();
      var ada = directory.findUser("ada").orElseThrow();
      assertThat(directory.verifyPassword(ada, Secret.of("*"))).isFalse();
    }
  }

  @Test
  void t7_startTlsWorksWithVerification() {
    LdapSettings startTls =
        ldap.settings("ldap://localhost:" + ldap.startTlsPort(), true, ldap.trustedCertificates());
    try (LdapDirectory directory = directory(startTls)) {
      var ada = directory.findUser("ada").orElseThrow();
      assertThat(directory.verifyPassword(ada, Secret.of(TestDirectoryServer.ADA_PASSWORD)))
          .isTrue();
      assertThat(directory.probe()).isEmpty();
    }
  }

  @Test
  void t7_untrustedCertificateAndWrongHostNameAreRefused() {
    try (LdapDirectory untrusted =
        directory(ldap.settings("ldaps://localhost:" + ldap.ldapsPort(), false, null))) {
      assertThatThrownBy(() -> untrusted.findUser("ada")).isInstanceOf(IllegalStateException.class);
      assertThat(new A8IdentityProvidersCheck(ldap.ldaps(), untrusted).run().status())
          .isEqualTo(CheckStatus.FAIL);
    }
    try (LdapDirectory wrongHost =
        directory(
            ldap.settings(
                "ldaps://127.0.0.1:" + ldap.ldapsPort(), false, ldap.trustedCertificates()))) {
      assertThatThrownBy(() -> wrongHost.findUser("ada")).isInstanceOf(IllegalStateException.class);
    }
    try (LdapDirectory wrongHostStartTls =
        directory(
            ldap.settings(
                "ldap://127.0.0.1:" + ldap.startTlsPort(), true, ldap.trustedCertificates()))) {
      assertThatThrownBy(() -> wrongHostStartTls.findUser("ada"))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void t7_plainLdapIsRefusedAtStart() {
    assertThatThrownBy(() -> ldap.settings("ldap://localhost:" + ldap.startTlsPort(), false, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing plain LDAP");
    assertThatThrownBy(() -> ldap.settings("http://localhost:80", false, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a8_doctorPassesAReachableDirectory() {
    try (LdapDirectory directory = directory(ldap.ldaps())) {
      assertThat(new A8IdentityProvidersCheck(ldap.ldaps(), directory).run().status())
          .isEqualTo(CheckStatus.PASS);
    }
  }
}
