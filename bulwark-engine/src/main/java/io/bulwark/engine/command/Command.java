package io.bulwark.engine.command;

import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.authz.Requirement;
import java.sql.SQLException;

/**
 * One API operation. Implementations are small final classes or records named {@code …Command},
 * living in their feature package. Two abstract methods on purpose: a command cannot be a lambda
 * that forgets to say what it requires.
 *
 * @param <T> the result; {@link Void} for none
 */
public interface Command<T> {

  /**
   * What the actor needs for this command (Z2), checked by the executor before {@link #execute}.
   * Never {@code null}; use {@link Requirement#none(String)} with a reason when no check applies.
   */
  Requirement requirement();

  /**
   * Runs inside the executor's transaction. Reads go through {@link CommandContext#connection()};
   * writes are registered in {@link CommandContext#unitOfWork()} and flushed after this returns. An
   * {@link SQLException} rolls the transaction back and becomes a {@link PersistenceException} or
   * {@link ConflictException}.
   */
  T execute(CommandContext context) throws SQLException;

  /**
   * Whether the command only reads: then the executor runs its statements without a transaction of
   * their own (autocommit), which saves the round trip of the {@code COMMIT} and sees what READ
   * COMMITTED would show each statement anyway. A read-only command registers no writes; one that
   * does fails. Only a command whose reads need no common snapshot may say so.
   */
  default boolean readOnly() {
    return false;
  }
}
