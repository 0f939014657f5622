package io.bulwark.engine.identity;

import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.command.QueryShape;
import io.bulwark.engine.command.RowMapper;
import io.bulwark.engine.command.SqlValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written, parameterized SQL for users and their passwords (E5); e-mail addresses go in and
 * out through {@link UserEmails} (D1). Stateless.
 */
final class IdentityRepository {

  /** A user row including its password hash, which never leaves this package. */
  record UserRow(User user, String passwordHash) {}

  /** The columns {@link #user} reads, for every query that maps users. */
  static final String USER_COLUMNS =
      "u.id, u.first_name, u.last_name, u.display_name, u.email, u.email_cipher,"
          + " u.must_change_password, u.disabled, u.created, u.revision, u.locale, u.time_zone";

  /** The table whose rows an encrypted address is bound to. */
  static final String USER_TABLE = "bw_user";

  /** The user list (W8): sort keys are the API's {@code UserQuery.Sort} names. */
  static final QueryShape SHAPE =
      QueryShape.of(
          "user",
          USER_COLUMNS,
          "bw_user u",
          Map.of(
              "ID", "u.id",
              "FIRST_NAME", "u.first_name",
              "LAST_NAME", "u.last_name",
              "EMAIL", "u.email"),
          "u.id");

  /** Maps a row of {@link #USER_COLUMNS} to a user, the address opened by {@code emails}. */
  static RowMapper<User> user(UserEmails emails) {
    return rs -> user(rs, emails.read(rs, USER_TABLE, rs.getString("id")));
  }

  private static User user(java.sql.ResultSet rs, @Nullable String email) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("display_name"),
        email,
        rs.getBoolean("must_change_password"),
        rs.getBoolean("disabled"),
        SqlValues.requiredInstant(rs, "created"),
        rs.getLong("revision"),
        rs.getString("locale"),
        rs.getString("time_zone"));
  }

  private IdentityRepository() {}

  static void insertUser(Connection c, UserEmails emails, User user, String passwordHash)
      throws SQLException {
    UserEmails.Stored email = emails.store(USER_TABLE, user.id(), user.email());
    IdentitySql.update(
        c,
        "INSERT INTO bw_user (id, first_name, last_name, display_name, email, email_cipher,"
            + " email_key, email_hash, password_hash, must_change_password, disabled, created,"
            + " revision, locale, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        user.id(),
        user.firstName(),
        user.lastName(),
        user.displayName(),
        email.clear(),
        email.cipher(),
        email.key(),
        email.hash(),
        passwordHash,
        user.mustChangePassword(),
        user.disabled(),
        user.created(),
        user.revision(),
        user.locale(),
        user.timeZone());
  }

  static Optional<UserRow> findUser(Connection c, UserEmails emails, String userId)
      throws SQLException {
    RowMapper<User> user = user(emails);
    return IdentitySql.first(
        c,
        rs -> new UserRow(user.map(rs), rs.getString("password_hash")),
        "SELECT " + USER_COLUMNS + ", u.password_hash FROM bw_user u WHERE u.id = ?",
        userId);
  }

  /** The user's revision; empty when no such user. For checks that need no address. */
  static Optional<Long> revisionOf(Connection c, String userId) throws SQLException {
    return IdentitySql.first(
        c, rs -> rs.getLong("revision"), "SELECT revision FROM bw_user WHERE id = ?", userId);
  }

  /** Replaces the profile; false when no such user. */
  static boolean updateProfile(
      Connection c, UserEmails emails, String userId, UserProfile profile, String displayName)
      throws SQLException {
    UserEmails.Stored email = emails.store(USER_TABLE, userId, profile.email());
    return IdentitySql.update(
            c,
            "UPDATE bw_user SET first_name = ?, last_name = ?, display_name = ?, email = ?,"
                + " email_cipher = ?, email_key = ?, email_hash = ?, locale = ?, time_zone = ?,"
                + " revision = revision + 1 WHERE id = ?",
            profile.firstName(),
            profile.lastName(),
            displayName,
            email.clear(),
            email.cipher(),
            email.key(),
            email.hash(),
            profile.locale(),
            profile.timeZone(),
            userId)
        == 1;
  }

  /** Disables or enables the user; false when no such user. */
  static boolean setState(Connection c, String userId, UserState state) throws SQLException {
    return IdentitySql.update(
            c,
            "UPDATE bw_user SET disabled = ?, revision = revision + 1 WHERE id = ?",
            state == UserState.DISABLED,
            userId)
        == 1;
  }

  /** Deletes the user; their tokens go by cascade (V21). False when no such user. */
  static boolean deleteUser(Connection c, String userId) throws SQLException {
    return IdentitySql.update(c, "DELETE FROM bw_user WHERE id = ?", userId) == 1;
  }

  static boolean anyUserExists(Connection c) throws SQLException {
    return IdentitySql.exists(c, "SELECT 1 FROM bw_user FETCH FIRST 1 ROWS ONLY");
  }

  /**
   * Sets a new hash and clears the must-change flag, if the revision still matches.
   *
   * @return false when another transaction changed the user first
   */
  static boolean updatePassword(Connection c, String userId, long revision, String passwordHash)
      throws SQLException {
    return IdentitySql.update(
            c,
            "UPDATE bw_user SET password_hash = ?, must_change_password = FALSE,"
                + " revision = revision + 1 WHERE id = ? AND revision = ?",
            passwordHash,
            userId,
            revision)
        == 1;
  }

  /**
   * Sets a new hash chosen by an administrator, and whether the user must change it.
   *
   * @return false when no such user
   */
  static boolean resetPassword(
      Connection c, String userId, String passwordHash, PasswordChange change) throws SQLException {
    return IdentitySql.update(
            c,
            "UPDATE bw_user SET password_hash = ?, must_change_password = ?,"
                + " revision = revision + 1 WHERE id = ?",
            passwordHash,
            change == PasswordChange.REQUIRED,
            userId)
        == 1;
  }
}
