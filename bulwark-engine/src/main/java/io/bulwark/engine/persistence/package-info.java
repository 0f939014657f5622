/**
 * JDBC plumbing only: the connection pool and schema migrations ({@link
 * io.bulwark.engine.persistence.Database}). Transactions are the command executor's ({@code
 * io.bulwark.engine.command}), the one transaction mechanism of the engine; feature packages hold
 * their own hand-written, parameterized SQL (E5).
 */
package io.bulwark.engine.persistence;
