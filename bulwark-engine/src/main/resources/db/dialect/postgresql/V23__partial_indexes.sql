-- PostgreSQL only (H2 has no partial indexes: db/dialect/h2/V23 keeps the full ones).
-- A B-tree index holds an entry for every row, NULLs included, and each entry costs every insert
-- (and every update of an indexed column). These columns are NULL on most rows, and every query
-- that filters on them asks for a value (col = ?), which implies col IS NOT NULL, so PostgreSQL
-- still uses the partial index for it. The definition index of executions serves the runtime
-- instance query, which selects root executions only (parent_id IS NULL).
-- Saves 7 of 37 index entries per start of `start -> user task (candidate group) -> end`.

DROP INDEX bw_execution_business_key;
CREATE INDEX bw_execution_business_key ON bw_execution (business_key)
    WHERE business_key IS NOT NULL;

DROP INDEX bw_execution_super;
CREATE INDEX bw_execution_super ON bw_execution (super_execution_id)
    WHERE super_execution_id IS NOT NULL;

DROP INDEX bw_execution_definition;
CREATE INDEX bw_execution_definition ON bw_execution (process_definition_id)
    WHERE parent_id IS NULL;

DROP INDEX bw_task_assignee;
CREATE INDEX bw_task_assignee ON bw_task (assignee, created_at)
    WHERE assignee IS NOT NULL;

DROP INDEX bw_task_identity_link_user;
CREATE INDEX bw_task_identity_link_user ON bw_task_identity_link (user_id, link_type)
    WHERE user_id IS NOT NULL;

DROP INDEX bw_task_identity_link_group;
CREATE INDEX bw_task_identity_link_group ON bw_task_identity_link (group_id, link_type)
    WHERE group_id IS NOT NULL;

DROP INDEX bw_hi_process_instance_business_key;
CREATE INDEX bw_hi_process_instance_business_key ON bw_hi_process_instance (business_key)
    WHERE business_key IS NOT NULL;

DROP INDEX bw_hi_task_assignee;
CREATE INDEX bw_hi_task_assignee ON bw_hi_task (assignee)
    WHERE assignee IS NOT NULL;
