-- PostgreSQL (db/dialect/h2/V290 is the H2 counterpart). Issue 13: case security (Z3) collects the
-- IDs of a user's tasks from the candidate links of the user and of its groups (CaseSecurity), and
-- only the link's task ID is read. With the task ID in the index the lookup is an index-only scan
-- (at 20,000 tasks, 300 links of three groups: about 10 buffers instead of 111, one per link table
-- page). No query filters on link_type, so the task ID replaces it: still one index per column,
-- nothing more to write per link.
DROP INDEX bw_task_identity_link_group;
CREATE INDEX bw_task_identity_link_group ON bw_task_identity_link (group_id, task_id)
    WHERE group_id IS NOT NULL;

DROP INDEX bw_task_identity_link_user;
CREATE INDEX bw_task_identity_link_user ON bw_task_identity_link (user_id, task_id)
    WHERE user_id IS NOT NULL;
