-- PostgreSQL (db/dialect/h2/V166 is the H2 counterpart). Issue 13 item 3: case security (Z3) finds
-- a user's tasks as assignee, owner and candidate by index lookups; without an index on the owner,
-- every task list and count read the whole task table (TaskQueryPlanIT). Most tasks have no owner
-- (it is set by delegation), and the lookup asks for a value, so the index leaves NULLs out.
CREATE INDEX bw_task_owner ON bw_task (owner) WHERE owner IS NOT NULL;
