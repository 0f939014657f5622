-- Authorization rules (Z1, Z2, Z5; issue 13). Same SQL on H2 (PostgreSQL mode) and PostgreSQL.
-- One row per rule (Camunda 7: one authorization): a GLOBAL rule for everyone, or a GRANT or REVOKE
-- for one user or one group, on one resource ID or on all ('*') of a resource type; its permissions
-- are rows of bw_authorization_permission ('ALL' = every permission of the type). There are no rows
-- for assignees and candidates: case security (Z3) is derived from the tasks' own columns.
CREATE TABLE bw_authorization (
    id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    rule_type     VARCHAR(8)               NOT NULL,
    user_id       VARCHAR(64),
    group_id      VARCHAR(64),
    resource_type VARCHAR(32)              NOT NULL,
    resource_id   VARCHAR(255)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    rev           BIGINT                   NOT NULL,
    CONSTRAINT bw_authorization_type CHECK (rule_type IN ('GLOBAL', 'GRANT', 'REVOKE')),
    CONSTRAINT bw_authorization_subject CHECK (
        (rule_type = 'GLOBAL' AND user_id IS NULL AND group_id IS NULL)
        OR (rule_type <> 'GLOBAL' AND ((user_id IS NULL) <> (group_id IS NULL)))),
    CONSTRAINT bw_authorization_one UNIQUE (rule_type, user_id, group_id, resource_type, resource_id)
);
CREATE INDEX bw_authorization_user ON bw_authorization (user_id, resource_type);
CREATE INDEX bw_authorization_group ON bw_authorization (group_id, resource_type);
CREATE INDEX bw_authorization_global ON bw_authorization (rule_type, resource_type);

CREATE TABLE bw_authorization_permission (
    authorization_id VARCHAR(64) NOT NULL REFERENCES bw_authorization (id) ON DELETE CASCADE,
    permission       VARCHAR(32) NOT NULL,
    PRIMARY KEY (authorization_id, permission)
);

-- Z5: the administrators' group holds every permission on every resource type from the first
-- start, so that switching authorization on (it always is) never leaves the system without an
-- administrator. The initial administrator 'admin' is put in this group (A2).
INSERT INTO bw_authorization
    (id, rule_type, user_id, group_id, resource_type, resource_id, created_at, rev)
VALUES
    ('bulwark-admins-application', 'GRANT', NULL, 'bulwark-admins', 'APPLICATION', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-deployment', 'GRANT', NULL, 'bulwark-admins', 'DEPLOYMENT', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-process-definition', 'GRANT', NULL, 'bulwark-admins', 'PROCESS_DEFINITION', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-process-instance', 'GRANT', NULL, 'bulwark-admins', 'PROCESS_INSTANCE', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-task', 'GRANT', NULL, 'bulwark-admins', 'TASK', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-job', 'GRANT', NULL, 'bulwark-admins', 'JOB', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-external-task', 'GRANT', NULL, 'bulwark-admins', 'EXTERNAL_TASK', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-external-task-topic', 'GRANT', NULL, 'bulwark-admins', 'EXTERNAL_TASK_TOPIC', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-incident', 'GRANT', NULL, 'bulwark-admins', 'INCIDENT', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-history', 'GRANT', NULL, 'bulwark-admins', 'HISTORY', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-user', 'GRANT', NULL, 'bulwark-admins', 'USER', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-group', 'GRANT', NULL, 'bulwark-admins', 'GROUP', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-tenant', 'GRANT', NULL, 'bulwark-admins', 'TENANT', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-authorization', 'GRANT', NULL, 'bulwark-admins', 'AUTHORIZATION', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-audit-log', 'GRANT', NULL, 'bulwark-admins', 'AUDIT_LOG', '*', CURRENT_TIMESTAMP, 1),
    ('bulwark-admins-system', 'GRANT', NULL, 'bulwark-admins', 'SYSTEM', '*', CURRENT_TIMESTAMP, 1);

INSERT INTO bw_authorization_permission (authorization_id, permission)
VALUES
    ('bulwark-admins-application', 'ALL'),
    ('bulwark-admins-deployment', 'ALL'),
    ('bulwark-admins-process-definition', 'ALL'),
    ('bulwark-admins-process-instance', 'ALL'),
    ('bulwark-admins-task', 'ALL'),
    ('bulwark-admins-job', 'ALL'),
    ('bulwark-admins-external-task', 'ALL'),
    ('bulwark-admins-external-task-topic', 'ALL'),
    ('bulwark-admins-incident', 'ALL'),
    ('bulwark-admins-history', 'ALL'),
    ('bulwark-admins-user', 'ALL'),
    ('bulwark-admins-group', 'ALL'),
    ('bulwark-admins-tenant', 'ALL'),
    ('bulwark-admins-authorization', 'ALL'),
    ('bulwark-admins-audit-log', 'ALL'),
    ('bulwark-admins-system', 'ALL');
