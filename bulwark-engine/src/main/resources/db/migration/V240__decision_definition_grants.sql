-- Decision definitions over REST (issue 14): DECISION_DEFINITION is a resource type (Camunda's
-- number 10, by key). The administrators' group holds every permission on it, as on every other
-- type (Z5).
INSERT INTO bw_authorization
    (id, rule_type, user_id, group_id, resource_type, resource_id, created_at, rev)
VALUES
    ('bulwark-admins-decision-definition', 'GRANT', NULL, 'bulwark-admins', 'DECISION_DEFINITION', '*', CURRENT_TIMESTAMP, 1);

INSERT INTO bw_authorization_permission (authorization_id, permission)
VALUES
    ('bulwark-admins-decision-definition', 'ALL');
