/**
 * User tasks: list queries with Camunda 7's filters, paging and the authorization filter; claim,
 * assign, delegate and resolve; candidate identity links; comments; completion with optimistic
 * locking and form validation; task and form variables.
 */
package io.bulwark.engine.task;
