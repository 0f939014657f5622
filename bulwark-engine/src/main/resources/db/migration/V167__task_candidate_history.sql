-- Case security "involved now or before" (Z3; issue 13 item 3 of the authz brief): the candidate
-- users and groups of a task that ended (completed or cancelled), copied from bw_task_identity_link
-- when the task ends, so that a former candidate keeps seeing the instance and its history. Open
-- tasks need no rows here: their candidates are read from the task's own links. Written at every
-- history level, since it decides visibility, not audit. The indexes lead with the user or group
-- and hold the instance, so that the visibility filter reads the index only.
CREATE TABLE bw_hi_task_candidate (
    task_id             VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    user_id             VARCHAR(255),
    group_id            VARCHAR(255),
    CONSTRAINT bw_hi_task_candidate_one CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX bw_hi_task_candidate_user ON bw_hi_task_candidate (user_id, process_instance_id);
CREATE INDEX bw_hi_task_candidate_group ON bw_hi_task_candidate (group_id, process_instance_id);
CREATE INDEX bw_hi_task_candidate_instance ON bw_hi_task_candidate (process_instance_id);
