package io.bulwark.engine.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection inside one transaction. It must not commit, roll back or close the
 * connection; {@link Transactions} does that.
 *
 * @param <T> the result; may be {@code Void} with a {@code null} result
 */
@FunctionalInterface
public interface UnitOfWork<T> {

  T run(Connection connection) throws SQLException;
}
