/**
 * History of process instances, activity instances, tasks and variable updates, as far as the
 * {@link io.bulwark.engine.api.HistoryLevel} asks, and the user operation log (E6) at every level;
 * written through the command's unit of work, read by the history service.
 */
package io.bulwark.engine.history;
