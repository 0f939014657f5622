/**
 * User tasks: list queries with paging and the authorization filter, claim and unclaim, completion
 * with optimistic locking, task variables.
 */
package io.bulwark.engine.task;
