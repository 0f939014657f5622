/**
 * The command layer (DESIGN.md "Execution"): every API operation is a small {@link
 * io.bulwark.engine.command.Command} that declares what it requires; the {@link
 * io.bulwark.engine.command.CommandExecutor} is the one place that checks it, runs the command in
 * one JDBC transaction and flushes the {@link io.bulwark.engine.command.UnitOfWork} in batches with
 * optimistic locking. Feature packages add their tables through {@link
 * io.bulwark.engine.command.RowWriter} and {@link io.bulwark.engine.command.RowMapper} and their
 * lists through {@link io.bulwark.engine.command.ListQuery}, without touching this plumbing.
 */
package io.bulwark.engine.command;
