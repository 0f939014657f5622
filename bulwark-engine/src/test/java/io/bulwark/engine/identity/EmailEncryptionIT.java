package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.EmailVerification;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.PasswordRecoveryService.RecoveryRequest;
import io.bulwark.engine.api.PasswordRecoveryService.ResetMail;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.api.UserQuery;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;

/**
 * D1 on H2 and PostgreSQL: with a key store, users' e-mail addresses and the addresses waiting for
 * their link are stored as AEAD ciphertexts bound to their row (the clear address is nowhere in the
 * raw tables), read in clear by the server, found by a keyed hash ignoring case (user list,
 * password recovery); addresses stored in clear before are encrypted at the next start without
 * changing the user's revision; a ciphertext moved to another user does not open.
 */
class EmailEncryptionIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final String PASSWORD = "Corvid-Lantern-58";
  private static final String ADDRESS = "ada.lovelace@analytical.example";
  private static final String NEW_ADDRESS = "countess@engine.example";

  @TempDir Path keys;

  private BulwarkEngine engine(TestDatabase db, boolean withKeys) {
    BulwarkEngineBuilder builder =
        BulwarkEngine.builder()
            .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
            .jobExecutor(JobExecutorActivation.OFF);
    if (withKeys) {
      builder.fieldKeyStore(keys, Secret.of(PASSWORD));
    }
    return builder.build();
  }

  private static User createAda(IdentityService identity, String userId) {
    return identity.createUser(
        ADMIN,
        new NewUser(
            userId,
            new UserProfile("Ada", "Lovelace", null, ADDRESS),
            Secret.of(PASSWORD),
            PasswordChange.NOT_REQUIRED));
  }

  @EveryDatabaseTest
  void d1_emailAddressIsStoredEncryptedAndFoundByItsKeyedHash(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db, true)) {
      IdentityService identity = engine.identityService();
      createAda(identity, "ada");

      assertThat(rawRows(db, "bw_user")).contains("ada").doesNotContain(ADDRESS);
      assertThat(identity.findUser("ada").orElseThrow().email()).isEqualTo(ADDRESS);
      assertThat(identity.findUsers(ADMIN, byEmail(ADDRESS.toUpperCase(Locale.ROOT), null)).items())
          .extracting(User::id)
          .containsExactly("ada");
      assertThat(identity.findUsers(ADMIN, byEmail("x@y.example", null)).items()).isEmpty();
      assertThatThrownBy(() -> identity.findUsers(ADMIN, byEmail(null, "ada%")))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("emailLike");
                assertThat(e.rules()).containsExactly("encrypted");
              });
      assertThatThrownBy(
              () ->
                  identity.findUsers(
                      ADMIN, UserQuery.all().orderBy(UserQuery.Sort.EMAIL, SortOrder.ASC)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("sortBy"));

      RecoveryRequest reset =
          engine.passwordRecoveryService().requestReset("Ada.Lovelace@Analytical.example", "::1");
      assertThat(reset.mails()).extracting(ResetMail::email).containsExactly(ADDRESS);
    }
  }

  @EveryDatabaseTest
  void d1_addressWaitingForItsLinkIsEncryptedToo(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db, true)) {
      IdentityService identity = engine.identityService();
      createAda(identity, "ada");
      Principal ada = new Principal("ada", Set.of());

      EmailVerification link =
          identity
              .updateOwnProfile(
                  ada, new UserProfile("Ada", "Lovelace", null, NEW_ADDRESS), Secret.of(PASSWORD))
              .emailVerification()
              .orElseThrow();

      assertThat(rawRows(db, "bw_email_verification")).contains("ada").doesNotContain(NEW_ADDRESS);
      assertThat(identity.confirmEmailChange(link.token())).isEqualTo("ada");
      assertThat(identity.findUser("ada").orElseThrow().email()).isEqualTo(NEW_ADDRESS);
      assertThat(rawRows(db, "bw_user")).doesNotContain(NEW_ADDRESS).doesNotContain(ADDRESS);
    }
  }

  @EveryDatabaseTest
  void d1_clearAddressesAreEncryptedAtTheNextStart(TestDatabase db) throws Exception {
    long revision;
    try (BulwarkEngine engine = engine(db, false)) {
      revision = createAda(engine.identityService(), "ada").revision();
      assertThat(rawRows(db, "bw_user")).as("no key store: clear").contains(ADDRESS);
    }
    try (BulwarkEngine engine = engine(db, true)) {
      assertThat(rawRows(db, "bw_user")).doesNotContain(ADDRESS);
      User ada = engine.identityService().findUser("ada").orElseThrow();
      assertThat(ada.email()).isEqualTo(ADDRESS);
      assertThat(ada.revision()).as("sessions and tokens stay (A10)").isEqualTo(revision);
      assertThat(engine.identityService().findUsers(ADMIN, byEmail(ADDRESS, null)).items())
          .hasSize(1);
    }
  }

  @EveryDatabaseTest
  void d1_addressMovedToAnotherUserDoesNotOpen(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db, true)) {
      IdentityService identity = engine.identityService();
      createAda(identity, "ada");
      identity.createUser(
          ADMIN,
          new NewUser(
              "mallory",
              new UserProfile("Mal", "Lory", null, "mallory@example.org"),
              Secret.of(PASSWORD),
              PasswordChange.NOT_REQUIRED));

      try (Connection c = connect(db);
          PreparedStatement copy =
              c.prepareStatement(
                  "UPDATE bw_user SET email_cipher ="
                      + " (SELECT email_cipher FROM bw_user WHERE id = 'ada') WHERE id = 'mallory'")) {
        assertThat(copy.executeUpdate()).isEqualTo(1);
      }

      assertThat(identity.findUser("mallory").orElseThrow().email()).isNull();
      assertThat(identity.findUser("ada").orElseThrow().email()).isEqualTo(ADDRESS);
    }
  }

  /**
   * More than a batch of addresses under a destroyed key come first in ID order; the addresses in
   * clear after them are still encrypted at the start (the run passes over what it cannot open).
   */
  @EveryDatabaseTest
  void d2_addressesUnderADestroyedKeyDoNotHoldUpTheOthers(TestDatabase db) throws Exception {
    try (BulwarkEngine engine = engine(db, true)) {
      assertThat(engine.identityService().findUser("nobody")).isEmpty();
    }
    int destroyedKey = 12345;
    try (Connection c = connect(db);
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO bw_user (id, display_name, must_change_password, disabled, created,"
                    + " revision, email, email_cipher, email_key)"
                    + " VALUES (?, ?, FALSE, FALSE, ?, 1, ?, ?, ?)")) {
      for (int i = 0; i < EncryptEmailsCommand.BATCH + 20; i++) {
        byte[] cipher = java.nio.ByteBuffer.allocate(40).put((byte) 1).putInt(destroyedKey).array();
        insertUser(insert, String.format(Locale.ROOT, "a%03d", i), null, cipher, destroyedKey);
      }
      for (int i = 0; i < 5; i++) {
        insertUser(insert, "z" + i, "z" + i + "@clear.example", null, null);
      }
    }

    try (BulwarkEngine engine = engine(db, true)) {
      assertThat(rawRows(db, "bw_user")).doesNotContain("@clear.example");
      assertThat(engine.identityService().findUser("z4").orElseThrow().email())
          .isEqualTo("z4@clear.example");
      assertThat(engine.identityService().findUser("a007").orElseThrow().email()).isNull();
    }
  }

  private static void insertUser(
      PreparedStatement insert,
      String id,
      @Nullable String email,
      byte @Nullable [] cipher,
      @Nullable Integer key)
      throws SQLException {
    insert.setString(1, id);
    insert.setString(2, id);
    insert.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
    insert.setString(4, email);
    if (cipher == null) {
      insert.setNull(5, java.sql.Types.VARBINARY);
      insert.setNull(6, java.sql.Types.INTEGER);
    } else {
      insert.setBytes(5, cipher);
      insert.setInt(6, java.util.Objects.requireNonNull(key));
    }
    assertThat(insert.executeUpdate()).isEqualTo(1);
  }

  private static UserQuery byEmail(@Nullable String email, @Nullable String emailLike) {
    return new UserQuery(
        null, null, null, null, null, null, email, emailLike, null, null, null, null, 0, 100);
  }

  private static Connection connect(TestDatabase db) throws SQLException {
    return db.connect();
  }

  /** Every value of every row of {@code table}, as text (bytes decoded as ISO-8859-1). */
  private static String rawRows(TestDatabase db, String table) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection connection = connect(db);
        PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table);
        ResultSet rs = select.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          all.append(
                  value instanceof byte[] b
                      ? new String(b, StandardCharsets.ISO_8859_1)
                      : String.valueOf(value))
              .append('|');
        }
        all.append('\n');
      }
    }
    return all.toString();
  }
}
