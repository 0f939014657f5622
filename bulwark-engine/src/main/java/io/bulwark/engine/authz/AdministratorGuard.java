package io.bulwark.engine.authz;

import io.bulwark.engine.api.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Lockout prevention (Z5): a change that would leave no enabled user who administers authorizations
 * is refused, so that someone can always grant again. The change runs first, inside the command's
 * transaction; when an administrator existed before and none is left after, the guard throws and
 * the transaction rolls the change back. Stateless.
 */
public final class AdministratorGuard {

  /** An enabled user holds ALL on every AUTHORIZATION, directly or through a group. */
  private static final String ADMINISTRATOR_LEFT =
      "SELECT 1 FROM bw_authorization a"
          + " JOIN bw_authorization_permission p ON p.authorization_id = a.id"
          + " WHERE a.resource_type = 'AUTHORIZATION' AND a.resource_id = '*'"
          + " AND p.permission = 'ALL' AND a.rule_type IN ('GRANT', 'GLOBAL')"
          + " AND (a.user_id IN (SELECT u.id FROM bw_user u WHERE u.disabled = FALSE)"
          + " OR a.group_id IN (SELECT m.group_id FROM bw_membership m"
          + " JOIN bw_user mu ON mu.id = m.user_id WHERE mu.disabled = FALSE))"
          + " FETCH FIRST 1 ROWS ONLY";

  /** A change of identities or rules, run in the caller's transaction. */
  @FunctionalInterface
  public interface Change<T> {
    T apply() throws SQLException;
  }

  private AdministratorGuard() {}

  /**
   * Runs {@code change} and refuses it when it removed the last administrator.
   *
   * @param what the change in words, for the refusal, e.g. {@code "deleting user alice"}
   * @throws ConflictException the change would leave no enabled user with ALL on AUTHORIZATION *
   */
  public static <T> T keepingAnAdministrator(Connection c, String what, Change<T> change)
      throws SQLException {
    boolean before = administratorExists(c);
    T result = change.apply();
    if (before && !administratorExists(c)) {
      throw new ConflictException(
          what + " would leave no enabled user with ALL on AUTHORIZATION * (Z5)");
    }
    return result;
  }

  /** Whether an enabled user holds ALL on every AUTHORIZATION, directly or through a group. */
  public static boolean administratorExists(Connection c) throws SQLException {
    try (PreparedStatement check = c.prepareStatement(ADMINISTRATOR_LEFT);
        ResultSet left = check.executeQuery()) {
      return left.next();
    }
  }
}
