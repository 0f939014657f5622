/**
 * Process variables (E4, W11): typed values (string, boolean, long, double, date, JSON, bytes),
 * their conversion from the Java values and REST type names callers give, their limits, and their
 * rows in {@code bw_variable}. Java serialization is rejected everywhere; JSON is handled as trees
 * and bound to Java classes only through an allowlist that is empty by default.
 */
package io.bulwark.engine.variable;
