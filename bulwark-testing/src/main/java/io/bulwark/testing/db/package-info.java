/**
 * Real databases for tests: a fresh in-memory H2 database ({@link io.bulwark.testing.db.H2Test}), a
 * fresh database on one throwaway PostgreSQL cluster per JVM ({@link
 * io.bulwark.testing.db.PostgresTest}), or both for one parameterized test ({@link
 * io.bulwark.testing.db.EveryDatabaseTest}). PostgreSQL tests never skip: when the cluster cannot
 * start, they fail and say why.
 */
package io.bulwark.testing.db;
