/**
 * Camunda 7's external task resource under {@code /engine-rest/external-task}: fetch and lock with
 * long polling served asynchronously ({@link io.bulwark.server.rest.externaltask.FetchWaiters}),
 * complete, failure, BPMN error, lock extension, unlock and retries, each a thin call of the
 * engine's {@code ExternalTaskService}.
 */
package io.bulwark.server.rest.externaltask;
