-- H2 (no partial indexes; db/dialect/postgresql/V166 is the PostgreSQL counterpart). Issue 13
-- item 3: case security (Z3) looks a user's tasks up by owner, too.
CREATE INDEX bw_task_owner ON bw_task (owner);
