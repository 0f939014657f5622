/**
 * Tasklist, the web app where people do their work: the task list (mine, my groups'), a task with
 * claim, unclaim and its form (W10), the process diagram, and starting a process. Each controller
 * is a thin layer over one engine API call per action, as the signed-in user (Z2, Z3); the engine
 * validates what is submitted, these classes only convert text to typed values and its refusals to
 * sentences next to the fields.
 */
package io.bulwark.server.web.tasklist;
