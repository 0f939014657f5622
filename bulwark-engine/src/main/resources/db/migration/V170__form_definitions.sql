-- Camunda Forms (form-js JSON) deployed with BPMN (issue 15): one row per deployed .form resource,
-- versioned per form id like decision definitions. The form JSON stays in bw_resource.
CREATE TABLE bw_form_definition (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    def_key       VARCHAR(255) NOT NULL,
    version       INTEGER      NOT NULL,
    deployment_id VARCHAR(64)  NOT NULL REFERENCES bw_deployment (id),
    name          VARCHAR(255),
    resource_name VARCHAR(255) NOT NULL,
    tenant_id     VARCHAR(64),
    rev           BIGINT       NOT NULL,
    CONSTRAINT bw_form_definition_version UNIQUE (def_key, version)
);
CREATE INDEX bw_form_definition_deployment ON bw_form_definition (deployment_id);
