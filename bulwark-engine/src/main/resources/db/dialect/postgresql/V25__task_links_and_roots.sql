-- PostgreSQL (db/dialect/h2/V25 is the H2 counterpart). Issue 4: what each process start writes.

-- Candidate links of a task without a foreign key to it, like every other runtime table (V10):
-- its check took a row lock on the new task at every start (a WAL record and a trigger query per
-- link). The engine deletes a task's links with the task (CompleteTaskCommand, Attachments).
ALTER TABLE bw_task_identity_link DROP CONSTRAINT bw_task_identity_link_task_id_fkey;

-- The runtime instance query selects root executions (parent_id IS NULL) and sorts them by start
-- time; no query looks executions up by parent. An index of the roots by start time serves it with
-- one entry per instance instead of one per execution.
DROP INDEX bw_execution_parent;
CREATE INDEX bw_execution_roots ON bw_execution (started_at) WHERE parent_id IS NULL;

-- A running instance has no end time: the end-time filters (finished, ended after or before) ask
-- for a value, so the index leaves running instances out, and an instance gets its entry when it
-- ends (the update of ended_at writes one either way).
DROP INDEX bw_hi_process_instance_ended;
CREATE INDEX bw_hi_process_instance_ended ON bw_hi_process_instance (ended_at)
    WHERE ended_at IS NOT NULL;
