package io.bulwark.engine.command;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a result set into a row record; one per table, in its feature. */
@FunctionalInterface
public interface RowMapper<R> {

  R map(ResultSet resultSet) throws SQLException;
}
