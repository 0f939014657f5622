-- DMN decisions deployed with BPMN (issue 16): one row per decision of a deployed .dmn resource,
-- versioned per decision key like process definitions. The table XML stays in bw_resource.
CREATE TABLE bw_decision_definition (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    def_key       VARCHAR(255) NOT NULL,
    version       INTEGER      NOT NULL,
    deployment_id VARCHAR(64)  NOT NULL REFERENCES bw_deployment (id),
    name          VARCHAR(255),
    resource_name VARCHAR(255) NOT NULL,
    tenant_id     VARCHAR(64),
    rev           BIGINT       NOT NULL,
    CONSTRAINT bw_decision_definition_version UNIQUE (def_key, version)
);
CREATE INDEX bw_decision_definition_deployment ON bw_decision_definition (deployment_id);
