package io.bulwark.engine.identity;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.IdentityKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry of user, group and tenant IDs, table {@code bw_identity_id} (Z6). Creating an
 * identity registers its ID; deleting it turns the row into a tombstone; only a purge removes the
 * row. Because the row outlives the identity, its primary key refuses a second create even when a
 * concurrent transaction deletes the identity meanwhile. Stateless.
 */
final class IdentityIds {

  /** The rule named when a deleted ID is created again. */
  static final String RULE = "deleted-id-not-reused";

  private IdentityIds() {}

  /**
   * Registers a new ID.
   *
   * @throws ConflictException the ID is taken, or is the tombstone of a deleted identity (Z6)
   */
  static void register(Connection c, IdentityKind kind, String id) throws SQLException {
    Optional<Boolean> deleted =
        IdentitySql.first(
            c,
            rs -> rs.getObject(1) != null,
            "SELECT deleted FROM bw_identity_id WHERE kind = ? AND id = ?",
            kind,
            id);
    if (deleted.isPresent() && deleted.get()) {
      throw new ConflictException(
          name(kind)
              + " ID "
              + id
              + " belonged to a deleted "
              + name(kind)
              + " and cannot be reused until an administrator purges it (Z6, rule "
              + RULE
              + ")");
    }
    if (deleted.isPresent()) {
      throw new ConflictException("a " + name(kind) + " with ID " + id + " exists");
    }
    IdentitySql.update(c, "INSERT INTO bw_identity_id (kind, id) VALUES (?, ?)", kind, id);
  }

  /** Turns the ID of a deleted identity into a tombstone. */
  static void tombstone(Connection c, IdentityKind kind, String id, Instant when, String actorId)
      throws SQLException {
    int updated =
        IdentitySql.update(
            c,
            "UPDATE bw_identity_id SET deleted = ?, deleted_by = ? WHERE kind = ? AND id = ?",
            when,
            actorId,
            kind,
            id);
    if (updated == 0) {
      // An identity made before the registry existed, or by SQL: keep its tombstone all the same.
      IdentitySql.update(
          c,
          "INSERT INTO bw_identity_id (kind, id, deleted, deleted_by) VALUES (?, ?, ?, ?)",
          kind,
          id,
          when,
          actorId);
    }
  }

  /** Removes a tombstone; false when the ID is not a deleted ID of that kind. */
  static boolean purge(Connection c, IdentityKind kind, String id) throws SQLException {
    return IdentitySql.update(
            c,
            "DELETE FROM bw_identity_id WHERE kind = ? AND id = ? AND deleted IS NOT NULL",
            kind,
            id)
        == 1;
  }

  static String name(IdentityKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
