-- History indexes that match the engine's history queries (issue 4: every index entry costs each
-- start). Portable SQL: runs unchanged on H2 (any mode) and PostgreSQL 15+.
-- No query filters historic process instances by definition id (the history query filters by
-- definition key, bw_hi_process_instance_key) or variable updates by variable id.
DROP INDEX bw_hi_process_instance_definition;
DROP INDEX bw_hi_variable_update_variable;

-- The one user operation log query lists an instance's operations oldest first: one index on
-- (process_instance_id, occurred_at) serves it, instead of a time index it had to filter through
-- and an entity index no query used.
DROP INDEX bw_user_operation_log_entity;
DROP INDEX bw_user_operation_log_time;
CREATE INDEX bw_user_operation_log_instance ON bw_user_operation_log (process_instance_id, occurred_at);
