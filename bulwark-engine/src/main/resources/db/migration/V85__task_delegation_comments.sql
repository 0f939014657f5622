-- Tasks as the integration REST API needs them (issue 14, item 3). Portable SQL: runs unchanged on
-- H2 (any mode) and PostgreSQL 15+.

-- Delegation as Camunda 7 has it: delegating sets the owner (when there is none) to the assignee,
-- the assignee to the delegate and the state to PENDING; resolving sets it to RESOLVED and the
-- assignee back to the owner. NULL: never delegated.
ALTER TABLE bw_task ADD COLUMN delegation_state VARCHAR(16);
ALTER TABLE bw_task ADD COLUMN follow_up_date TIMESTAMP WITH TIME ZONE;

-- Comments on a task: no foreign key, so that they outlive the task in the instance's history.
-- The message is bounded (4000 characters) and refused beyond, never cut.
CREATE TABLE bw_task_comment (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    task_id             VARCHAR(64)   NOT NULL,
    process_instance_id VARCHAR(64),
    user_id             VARCHAR(255),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    message             VARCHAR(4000) NOT NULL
);
CREATE INDEX bw_task_comment_task ON bw_task_comment (task_id, created_at);
