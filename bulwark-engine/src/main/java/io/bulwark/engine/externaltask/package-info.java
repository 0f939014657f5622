/**
 * External tasks with Camunda 7 semantics: rows of {@code bw_external_task} created by the
 * execution core ({@link io.bulwark.engine.externaltask.ExternalTasks}), fetched and locked by
 * workers atomically ({@code SKIP LOCKED} on PostgreSQL, optimistic claims elsewhere), completed,
 * failed or errored only by the worker holding an unexpired lock. Completion and BPMN errors are
 * handed to the execution core through {@link
 * io.bulwark.engine.externaltask.ExternalTaskCompletionHandler}.
 */
package io.bulwark.engine.externaltask;
