-- Process instance queries of the runtime and history services (issue 3, W8).
-- Portable SQL: runs unchanged on H2 (any mode) and PostgreSQL 15+.

-- The start time of a running instance, on its root execution only (other executions: NULL), so
-- that the runtime query can sort by it at every history level. No index: the query selects root
-- executions through bw_execution_parent, and an index here would cost every token insert.
ALTER TABLE bw_execution ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
UPDATE bw_execution SET started_at = (
    SELECT h.started_at FROM bw_hi_process_instance h WHERE h.id = bw_execution.id)
WHERE parent_id IS NULL;

-- Filters of the historic process instance query. Every index here costs each start (and, for
-- ended_at, each end): the rare "started by" filter has none and is narrowed by the others.
CREATE INDEX bw_hi_process_instance_key ON bw_hi_process_instance (process_definition_key, started_at);
CREATE INDEX bw_hi_process_instance_business_key ON bw_hi_process_instance (business_key);
CREATE INDEX bw_hi_process_instance_ended ON bw_hi_process_instance (ended_at);
