-- Tasklist needs ACCESS on APPLICATION 'tasklist' (Z2; issue 15). So that installs keep working for
-- ordinary users, one global rule grants it to everyone signed in; administrators narrow it by
-- deleting this rule and granting groups, or by a REVOKE rule for a user or group.
INSERT INTO bw_authorization
    (id, rule_type, user_id, group_id, resource_type, resource_id, created_at, rev)
VALUES
    ('bulwark-global-tasklist-access', 'GLOBAL', NULL, NULL, 'APPLICATION', 'tasklist', CURRENT_TIMESTAMP, 1);

INSERT INTO bw_authorization_permission (authorization_id, permission)
VALUES
    ('bulwark-global-tasklist-access', 'ACCESS');
