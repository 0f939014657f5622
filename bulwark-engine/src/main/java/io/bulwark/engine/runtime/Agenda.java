package io.bulwark.engine.runtime;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The operations still to run in one command, first in first out. Behaviours plan operations
 * instead of calling each other, so deep models do not grow the Java stack. A command that plans
 * more than {@link #MAX_OPERATIONS} operations is stopped: a model looping without a wait state
 * must not hold a transaction and a thread forever.
 */
final class Agenda {

  static final int MAX_OPERATIONS = 100_000;

  private final Deque<Operation> operations = new ArrayDeque<>();
  private int executed;

  void plan(Operation operation) {
    operations.addLast(operation);
  }

  void run(RuntimeSession session) throws SQLException {
    Operation next;
    while ((next = operations.pollFirst()) != null) {
      if (++executed > MAX_OPERATIONS) {
        throw new ProcessExecutionException(
            "more than "
                + MAX_OPERATIONS
                + " steps in one command; does the model loop without a wait state?");
      }
      next.run(session);
    }
  }
}
