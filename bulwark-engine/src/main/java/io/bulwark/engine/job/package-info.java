/**
 * Jobs: asynchronous continuations and timers stored in {@code bw_job}, run by the {@link
 * io.bulwark.engine.job.JobExecutor} on several nodes sharing one database (O5). Acquisition locks
 * jobs in a short transaction ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, optimistic revision
 * checks elsewhere), each job runs in its own transaction through the {@link
 * io.bulwark.engine.job.JobHandler} registered for its type, and a failure decrements the retries
 * in a separate transaction; at zero retries an incident is created. The execution core creates
 * jobs with {@link io.bulwark.engine.job.JobScheduler} and implements the handlers. Also the
 * incident rows shared with external tasks, and the management commands behind {@link
 * io.bulwark.engine.api.ManagementService}.
 */
package io.bulwark.engine.job;
