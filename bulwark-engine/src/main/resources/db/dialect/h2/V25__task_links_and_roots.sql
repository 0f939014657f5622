-- H2 (db/dialect/postgresql/V25 is the PostgreSQL counterpart, which also narrows two indexes;
-- H2 has no partial indexes and keeps them full).

-- Candidate links of a task without a foreign key to it, like every other runtime table (V10):
-- the engine deletes a task's links with the task (CompleteTaskCommand, Attachments). H2 named
-- the constraint itself, so the name is looked up (in the case the database stores names in: upper
-- by default, lower in PostgreSQL mode with DATABASE_TO_LOWER).
EXECUTE IMMEDIATE 'ALTER TABLE bw_task_identity_link DROP CONSTRAINT "'
    || (SELECT constraint_name FROM information_schema.table_constraints
        WHERE UPPER(table_schema) = UPPER(CURRENT_SCHEMA)
          AND UPPER(table_name) = 'BW_TASK_IDENTITY_LINK'
          AND constraint_type = 'FOREIGN KEY')
    || '"';
