package io.bulwark.engine.command;

/**
 * A statement with one parameter whose update count is not checked, written with the unit of work
 * after its row changes: the removal of every row of a table whose column has a value (e.g. all
 * variables of an ended instance; matching no row is fine), or a guard that fails the flush when
 * something the command trusted from memory changed meanwhile ({@link UnitOfWork#guard}).
 *
 * @param sql the parameterized statement, from {@link TableStatements#deleteWhereSql} or a guard's
 *     code constant (E5)
 * @param value the one parameter
 */
record BulkStatement(String sql, String value) {}
