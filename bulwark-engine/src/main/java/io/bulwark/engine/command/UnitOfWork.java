package io.bulwark.engine.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rows a command inserts, updates and deletes, written only when the command has returned
 * (DESIGN.md "Execution"). Changes to one row merge: an update of a row inserted in this unit
 * changes the insert, a delete of it cancels the insert. The flush writes all inserts, then all
 * updates, then all deletes, each grouped by table in the order the table was first touched, then
 * the bulk deletes; so register parents before children. On PostgreSQL that is one round trip (and
 * the commit too, when the unit only inserts), on H2 one JDBC batch per statement ({@link
 * FlushWriter}). Not thread-safe: one per command.
 */
public final class UnitOfWork {

  private record Key(String table, String id) {}

  private final Map<Key, RowChange<?>> changes = new LinkedHashMap<>();
  private final Set<BulkStatement> bulkStatements = new LinkedHashSet<>();
  private final Set<Runnable> afterCommit = new LinkedHashSet<>();
  private final Set<BulkStatement> guards = new LinkedHashSet<>();
  private final List<Runnable> onStale = new ArrayList<>();

  /** Registers a new row. */
  public <R> void insert(RowWriter<R> writer, R row) {
    Key key = key(writer, writer.id(row));
    if (changes.containsKey(key)) {
      throw new IllegalStateException("row " + key + " is already registered in this unit");
    }
    changes.put(key, new RowChange.Insert<>(writer, row));
  }

  /** Registers new values for a versioned row read at revision {@code expectedRev}. */
  public <R> void update(RowWriter<R> writer, R row, long expectedRev) {
    require(writer, Versioning.OPTIMISTIC);
    putUpdate(writer, row, expectedRev);
  }

  /** Registers new values for a row of an unversioned table. */
  public <R> void update(RowWriter<R> writer, R row) {
    require(writer, Versioning.NONE);
    putUpdate(writer, row, RowChange.UNVERSIONED);
  }

  /** Registers the removal of a versioned row read at revision {@code expectedRev}. */
  public void delete(RowWriter<?> writer, String id, long expectedRev) {
    require(writer, Versioning.OPTIMISTIC);
    putDelete(writer, id, expectedRev);
  }

  /** Registers the removal of a row of an unversioned table. */
  public void delete(RowWriter<?> writer, String id) {
    require(writer, Versioning.NONE);
    putDelete(writer, id, RowChange.UNVERSIONED);
  }

  /**
   * Registers the removal of every row of the writer's table whose {@code column} equals {@code
   * value}, written after the row deletes and in the same round trip on PostgreSQL; for rows this
   * command has not read (e.g. the variables of an instance that ends).
   */
  public void deleteAll(RowWriter<?> writer, String column, String value) {
    Objects.requireNonNull(value, column);
    bulkStatements.add(new BulkStatement(TableStatements.deleteWhereSql(writer, column), value));
  }

  /**
   * Registers an {@code INSERT … SELECT} of rows this command has not read (e.g. a finished task's
   * candidates into history), written with the bulk deletes in registration order and in the same
   * round trip on PostgreSQL: register it before the {@link #deleteAll} of the rows it copies.
   *
   * @param sql a code constant (E5) with one {@code ?} per value
   */
  public void copyAll(String sql, String... values) {
    for (String value : values) {
      Objects.requireNonNull(value, "value");
    }
    bulkStatements.add(new BulkStatement(sql, List.of(values)));
  }

  /**
   * Registers a guard: a statement written with this unit, in the same round trip on PostgreSQL,
   * that inserts a row into a table whose check constraint is named {@code …_guard_stale} (and so
   * fails) only when something this command took from memory is stale, e.g. a cached latest version
   * that another node has replaced. A failed guard rolls the whole unit back; the command executor
   * then runs {@code onStale} (forget the stale entry) and runs the command once more, which reads
   * the database. So a cache is never stale and costs no round trip of its own.
   *
   * @param sql the guard's {@code INSERT … SELECT} with one parameter, a code constant (E5)
   */
  public void guard(String sql, String value, Runnable onStale) {
    guards.add(new BulkStatement(sql, Objects.requireNonNull(value, "value")));
    this.onStale.add(Objects.requireNonNull(onStale, "onStale"));
  }

  /** The values of the guards registered (for tests and diagnostics). */
  public List<String> guards() {
    return guards.stream().map(guard -> guard.values().get(0)).toList();
  }

  /** Whether this unit wrote a guard. */
  boolean guarded() {
    return !onStale.isEmpty();
  }

  /** Forgets what the guards found stale (after the rollback of a unit whose guard failed). */
  void forgetStale() {
    onStale.forEach(Runnable::run);
  }

  /**
   * Registers an action to run once the command committed (never on rollback), e.g. waking the job
   * executor for a job that is due now. Registering the same action twice runs it once. An action
   * that throws is logged; the command's result stands.
   */
  public void afterCommit(Runnable action) {
    afterCommit.add(Objects.requireNonNull(action, "action"));
  }

  List<Runnable> afterCommitActions() {
    return List.copyOf(afterCommit);
  }

  /** The pending changes in registration order (for tests and diagnostics). */
  public List<RowChange<?>> pending() {
    return List.copyOf(changes.values());
  }

  /** Writes the changes and commits the connection's transaction. */
  /** Fails when a read-only command ({@link Command#readOnly}) registered a write. */
  void requireNoWrites(String command) {
    if (!changes.isEmpty() || !bulkStatements.isEmpty() || !guards.isEmpty()) {
      throw new IllegalStateException(
          command + " says it only reads but registered writes; they were not written");
    }
  }

  void commit(Connection connection, FlushWriter writer) throws SQLException {
    if (changes.isEmpty() && bulkStatements.isEmpty() && guards.isEmpty()) {
      connection.commit();
      return;
    }
    List<List<RowChange<?>>> groups = new ArrayList<>();
    groups.addAll(ofKind(RowChange.Insert.class));
    groups.addAll(ofKind(RowChange.Update.class));
    groups.addAll(ofKind(RowChange.Delete.class));
    List<BulkStatement> statements = new ArrayList<>(bulkStatements);
    statements.addAll(guards);
    writer.writeAndCommit(connection, groups, statements);
    changes.clear();
    bulkStatements.clear();
    guards.clear();
  }

  private <R> void putUpdate(RowWriter<R> writer, R row, long expectedRev) {
    Key key = key(writer, writer.id(row));
    RowChange<?> previous = changes.get(key);
    if (previous instanceof RowChange.Delete<?>) {
      throw new IllegalStateException("row " + key + " is already deleted in this unit");
    } else if (previous instanceof RowChange.Insert<?>) {
      changes.put(key, new RowChange.Insert<>(writer, row));
    } else if (previous instanceof RowChange.Update<?> update) {
      changes.put(key, new RowChange.Update<>(writer, row, update.expectedRev()));
    } else {
      changes.put(key, new RowChange.Update<>(writer, row, expectedRev));
    }
  }

  private void putDelete(RowWriter<?> writer, String id, long expectedRev) {
    Key key = key(writer, id);
    RowChange<?> previous = changes.get(key);
    if (previous instanceof RowChange.Insert<?>) {
      changes.remove(key);
    } else if (previous instanceof RowChange.Update<?> update) {
      changes.put(key, new RowChange.Delete<>(writer, id, update.expectedRev()));
    } else if (previous == null) {
      changes.put(key, new RowChange.Delete<>(writer, id, expectedRev));
    }
  }

  /** Changes of one kind grouped by table, tables in first-touched order. */
  private Collection<List<RowChange<?>>> ofKind(Class<?> kind) {
    Map<String, List<RowChange<?>>> byTable = new LinkedHashMap<>();
    for (RowChange<?> change : changes.values()) {
      if (kind.isInstance(change)) {
        byTable.computeIfAbsent(change.writer().table(), t -> new ArrayList<>()).add(change);
      }
    }
    return byTable.values();
  }

  private static Key key(RowWriter<?> writer, String id) {
    Objects.requireNonNull(id, "row id");
    return new Key(writer.table(), id);
  }

  private static void require(RowWriter<?> writer, Versioning versioning) {
    if (writer.versioning() != versioning) {
      throw new IllegalArgumentException(
          "table " + writer.table() + " is " + writer.versioning() + ", not " + versioning);
    }
  }
}
