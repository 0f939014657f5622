/**
 * JDBC plumbing only: the connection pool and schema migrations ({@link
 * io.bulwark.engine.persistence.Database}) and running a unit of work in one transaction ({@link
 * io.bulwark.engine.persistence.Transactions}). Feature packages hold their own hand-written,
 * parameterized SQL (E5).
 */
package io.bulwark.engine.persistence;
