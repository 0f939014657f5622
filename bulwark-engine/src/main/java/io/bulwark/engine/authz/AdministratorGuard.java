package io.bulwark.engine.authz;

import io.bulwark.engine.api.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Lockout prevention (Z5): a change that would leave no enabled user who administers authorizations
 * is refused, so that someone can always grant again. The change runs first, inside the command's
 * transaction; when an administrator existed before and none is left after, the guard throws and
 * the transaction rolls the change back. An administrator is an enabled database user to whom the
 * stored rules on {@code AUTHORIZATION *} grant READ, CREATE, UPDATE and DELETE, decided as the
 * checker decides them ({@link GrantRules}): through their own rules, their groups' or global
 * rules, with revokes beating grants on their level. Stateless.
 */
public final class AdministratorGuard {

  /** What administering authorizations takes: reading, creating, changing and deleting rules. */
  private static final List<Permission> ADMINISTRATION =
      List.of(Permission.READ, Permission.CREATE, Permission.UPDATE, Permission.DELETE);

  /** Enabled users with their groups; narrowed to the users and groups the rules name. */
  private static final String USERS =
      "SELECT u.id, m.group_id FROM bw_user u LEFT JOIN bw_membership m ON m.user_id = u.id"
          + " WHERE u.disabled = FALSE";

  private static final String NAMED_BY_A_GRANT =
      " AND (u.id IN (SELECT a.user_id FROM bw_authorization a"
          + " WHERE a.resource_type = 'AUTHORIZATION' AND a.rule_type = 'GRANT')"
          + " OR u.id IN (SELECT gm.user_id FROM bw_membership gm JOIN bw_authorization ga"
          + " ON ga.group_id = gm.group_id"
          + " WHERE ga.resource_type = 'AUTHORIZATION' AND ga.rule_type = 'GRANT'))";

  /** A change of identities or rules, run in the caller's transaction. */
  @FunctionalInterface
  public interface Change<T> {
    @Nullable T apply() throws SQLException;
  }

  private AdministratorGuard() {}

  /**
   * Runs {@code change} and refuses it when it removed the last administrator.
   *
   * @param what the change in words, for the refusal, e.g. {@code "deleting user alice"}
   * @throws ConflictException the change would leave no enabled user who administers authorizations
   */
  public static <T> @Nullable T keepingAnAdministrator(Connection c, String what, Change<T> change)
      throws SQLException {
    boolean before = administratorExists(c);
    @Nullable T result = change.apply();
    if (before && !administratorExists(c)) {
      throw new ConflictException(
          what
              + " would leave no enabled user to whom the rules grant READ, CREATE, UPDATE and"
              + " DELETE on AUTHORIZATION * (Z5)");
    }
    return result;
  }

  /**
   * Whether an enabled user administers authorizations: the rules on {@code AUTHORIZATION *} grant
   * them READ, CREATE, UPDATE and DELETE, through their own, their groups' or global rules, and no
   * revoke takes one of them away.
   */
  public static boolean administratorExists(Connection c) throws SQLException {
    return !administrators(c).isEmpty();
  }

  /**
   * Every enabled user who administers authorizations (see {@link #administratorExists}), with
   * their groups, by user ID. Two statements: the rules on all authorizations, then the users they
   * may grant to (every enabled user when a global rule speaks).
   */
  public static Map<String, Set<String>> administrators(Connection c) throws SQLException {
    List<Grant> rules =
        GrantRepository.onType(c, ResourceType.AUTHORIZATION).stream()
            .filter(rule -> !rule.isSpecific())
            .toList();
    boolean globalRule = rules.stream().anyMatch(rule -> rule.type() == Grant.Type.GLOBAL);
    if (!globalRule && rules.stream().noneMatch(rule -> rule.type() == Grant.Type.GRANT)) {
      return Map.of();
    }
    Map<String, Set<String>> users = new TreeMap<>();
    try (PreparedStatement read = c.prepareStatement(USERS + (globalRule ? "" : NAMED_BY_A_GRANT));
        ResultSet rows = read.executeQuery()) {
      while (rows.next()) {
        Set<String> groups = users.computeIfAbsent(rows.getString(1), id -> new HashSet<>());
        String group = rows.getString(2);
        if (group != null) {
          groups.add(group);
        }
      }
    }
    users.entrySet().removeIf(user -> !administers(user.getKey(), user.getValue(), rules));
    return users;
  }

  /** Whether the rules on all authorizations grant {@code user} every administration permission. */
  private static boolean administers(String user, Set<String> groups, List<Grant> rulesOnAll) {
    List<Grant> own =
        rulesOnAll.stream()
            .filter(
                rule ->
                    rule.type() == Grant.Type.GLOBAL
                        || user.equals(rule.userId())
                        || (rule.groupId() != null && groups.contains(rule.groupId())))
            .toList();
    return ADMINISTRATION.stream()
        .allMatch(
            permission ->
                new GrantRules(permission, own)
                    .decideUnnamed()
                    .filter(Decision::isGranted)
                    .isPresent());
  }
}
