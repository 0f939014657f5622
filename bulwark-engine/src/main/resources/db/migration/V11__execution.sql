-- Execution tree links of the process engine core (DESIGN.md "Execution").
-- super_execution_id: the call activity execution (in the calling instance) that waits for this
-- process instance; set on the root execution of a called instance only.
-- activity_instance_id: the history row of the activity the execution is in, so that leaving the
-- activity ends that row without a SELECT.
ALTER TABLE bw_execution ADD COLUMN super_execution_id VARCHAR(64);
ALTER TABLE bw_execution ADD COLUMN activity_instance_id VARCHAR(64);
CREATE INDEX bw_execution_super ON bw_execution (super_execution_id);

ALTER TABLE bw_hi_process_instance ADD COLUMN super_process_instance_id VARCHAR(64);
CREATE INDEX bw_task_definition_key ON bw_task (process_definition_key);
CREATE INDEX bw_event_subscription_definition ON bw_event_subscription (process_definition_id);
