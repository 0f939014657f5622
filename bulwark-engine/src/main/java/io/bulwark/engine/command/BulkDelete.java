package io.bulwark.engine.command;

/**
 * The removal of every row of a table whose column has a value (e.g. all variables of an ended
 * instance), written with the unit of work after its row deletes; matching no row is fine.
 *
 * @param sql the parameterized statement from {@link TableStatements#deleteWhereSql} (E5)
 * @param value the one parameter
 */
record BulkDelete(String sql, String value) {}
