-- PostgreSQL (db/dialect/h2/V331 is the H2 counterpart). Issue 13: a user's first task page and
-- count read the ID, creation time and tenant of every task the user is involved in from these
-- indexes alone (index-only scans once the table's pages are all-visible), sort and count them,
-- and look up only the page's rows (TaskQueryPlanIT: at 20,000 tasks, 300 visible, the page read
-- 1,216 buffers and the count 916 before, mostly one primary-key lookup per visible task).
DROP INDEX bw_task_identity_link_group;
CREATE INDEX bw_task_identity_link_group ON bw_task_identity_link (group_id, task_id)
    INCLUDE (task_created_at, task_tenant_id) WHERE group_id IS NOT NULL;

DROP INDEX bw_task_identity_link_user;
CREATE INDEX bw_task_identity_link_user ON bw_task_identity_link (user_id, task_id)
    INCLUDE (task_created_at, task_tenant_id) WHERE user_id IS NOT NULL;

DROP INDEX bw_task_assignee;
CREATE INDEX bw_task_assignee ON bw_task (assignee, created_at) INCLUDE (id, tenant_id)
    WHERE assignee IS NOT NULL;

DROP INDEX bw_task_owner;
CREATE INDEX bw_task_owner ON bw_task (owner) INCLUDE (id, created_at, tenant_id)
    WHERE owner IS NOT NULL;
