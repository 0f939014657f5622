/**
 * The benchmark driver: starts PostgreSQL, measures its commit limit with pgbench, runs every
 * (engine, database, workload) round in a child JVM with the same heap flags, interleaved, and
 * prints the table of medians and Bulwark/peer ratios and the JSON file of the benchmark issue.
 */
package io.bulwark.bench.driver;
