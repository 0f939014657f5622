-- Issue 13 (Z2, Z3): each candidate link carries its task's creation time and tenant, which never
-- change after the task is created, so that a user's first task page and count on PostgreSQL are
-- read from the link indexes (db/dialect/postgresql/V331) instead of looking up every task the
-- user may see: the page looks up only its own rows. Links are written with their task
-- (UserTaskBehavior) or for an existing one (TaskIdentityLinksCommand), and deleted with it.

ALTER TABLE bw_task_identity_link ADD COLUMN task_created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bw_task_identity_link ADD COLUMN task_tenant_id VARCHAR(64);

-- A link whose task is gone names nothing (V25 dropped the foreign key; the engine deletes links
-- with their task): it has no creation time to copy.
DELETE FROM bw_task_identity_link
    WHERE NOT EXISTS (SELECT 1 FROM bw_task t WHERE t.id = bw_task_identity_link.task_id);

UPDATE bw_task_identity_link
    SET task_created_at = (SELECT t.created_at FROM bw_task t
                           WHERE t.id = bw_task_identity_link.task_id),
        task_tenant_id = (SELECT t.tenant_id FROM bw_task t
                          WHERE t.id = bw_task_identity_link.task_id);

ALTER TABLE bw_task_identity_link ALTER COLUMN task_created_at SET NOT NULL;
