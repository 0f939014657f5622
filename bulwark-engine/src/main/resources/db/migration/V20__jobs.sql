-- Jobs and external tasks (issue "Process engine core", item 6). Portable: H2 (any mode) and
-- PostgreSQL 15+.

-- Handler types such as "async-continuation" and "timer-intermediate" need more than 16 characters.
ALTER TABLE bw_job ALTER COLUMN job_type SET DATA TYPE VARCHAR(64);
-- Cycle timers: the ISO 8601 interval and how many firings follow this one (-1: unbounded).
ALTER TABLE bw_job ADD COLUMN repeat_interval VARCHAR(64);
ALTER TABLE bw_job ADD COLUMN repeats_left INTEGER;
ALTER TABLE bw_job ADD COLUMN process_definition_id VARCHAR(64);
CREATE INDEX bw_job_lock_owner ON bw_job (lock_owner);

-- What a worker needs about its task without joins, set when the task is created; error details
-- as UTF-8 bytes (capped by ExternalTaskSettings), never in the message column.
ALTER TABLE bw_external_task ADD COLUMN error_details BYTEA;
ALTER TABLE bw_external_task ADD COLUMN process_definition_id VARCHAR(64);
ALTER TABLE bw_external_task ADD COLUMN process_definition_key VARCHAR(255);
ALTER TABLE bw_external_task ADD COLUMN business_key VARCHAR(255);
CREATE INDEX bw_external_task_execution ON bw_external_task (execution_id);

CREATE INDEX bw_incident_external_task ON bw_incident (external_task_id);
