-- Runtime and history schema of the process engine (DESIGN.md "Engine", "History").
-- Portable SQL: runs unchanged on H2 (any mode) and PostgreSQL 15+. Binary columns use BYTEA,
-- which H2 accepts as BINARY VARYING. Versioned tables carry rev for optimistic locking; the
-- engine inserts rev = 1 and every update checks and increments it.
-- Runtime tables reference executions by id without foreign keys, so that the unit of work can
-- flush inserts and deletes of a whole instance in batches; deployment children and task links
-- have foreign keys.

CREATE TABLE bw_deployment (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    content_hash VARCHAR(128) NOT NULL,
    deployed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deployed_by  VARCHAR(255),
    tenant_id    VARCHAR(64)
);
CREATE INDEX bw_deployment_hash ON bw_deployment (name, content_hash);

CREATE TABLE bw_resource (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    deployment_id VARCHAR(64)  NOT NULL REFERENCES bw_deployment (id),
    name          VARCHAR(255) NOT NULL,
    bytes         BYTEA        NOT NULL,
    CONSTRAINT bw_resource_name UNIQUE (deployment_id, name)
);

CREATE TABLE bw_process_definition (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    def_key       VARCHAR(255) NOT NULL,
    version       INTEGER      NOT NULL,
    deployment_id VARCHAR(64)  NOT NULL REFERENCES bw_deployment (id),
    name          VARCHAR(255),
    resource_name VARCHAR(255) NOT NULL,
    tenant_id     VARCHAR(64),
    suspended     BOOLEAN      NOT NULL DEFAULT FALSE,
    rev           BIGINT       NOT NULL,
    CONSTRAINT bw_process_definition_version UNIQUE (def_key, version)
);
CREATE INDEX bw_process_definition_deployment ON bw_process_definition (deployment_id);

CREATE TABLE bw_execution (
    id                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id   VARCHAR(64)  NOT NULL,
    parent_id             VARCHAR(64),
    process_definition_id VARCHAR(64)  NOT NULL,
    activity_id           VARCHAR(255),
    business_key          VARCHAR(255),
    is_active             BOOLEAN      NOT NULL,
    is_concurrent         BOOLEAN      NOT NULL,
    is_scope              BOOLEAN      NOT NULL,
    suspended             BOOLEAN      NOT NULL DEFAULT FALSE,
    started_by            VARCHAR(255),
    tenant_id             VARCHAR(64),
    rev                   BIGINT       NOT NULL
);
CREATE INDEX bw_execution_instance ON bw_execution (process_instance_id);
CREATE INDEX bw_execution_parent ON bw_execution (parent_id);
CREATE INDEX bw_execution_definition ON bw_execution (process_definition_id);
CREATE INDEX bw_execution_business_key ON bw_execution (business_key);

CREATE TABLE bw_task (
    id                     VARCHAR(64)  NOT NULL PRIMARY KEY,
    execution_id           VARCHAR(64),
    process_instance_id    VARCHAR(64),
    process_definition_id  VARCHAR(64),
    process_definition_key VARCHAR(255),
    task_definition_key    VARCHAR(255),
    name                   VARCHAR(255),
    assignee               VARCHAR(255),
    owner                  VARCHAR(255),
    priority               INTEGER      NOT NULL DEFAULT 50,
    due_date               TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    form_key               VARCHAR(255),
    tenant_id              VARCHAR(64),
    rev                    BIGINT       NOT NULL
);
CREATE INDEX bw_task_assignee ON bw_task (assignee, created_at);
CREATE INDEX bw_task_instance ON bw_task (process_instance_id);
CREATE INDEX bw_task_execution ON bw_task (execution_id);

-- Candidate users and groups of a task: exactly one of user_id and group_id is set.
CREATE TABLE bw_task_identity_link (
    id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    task_id   VARCHAR(64)  NOT NULL REFERENCES bw_task (id) ON DELETE CASCADE,
    user_id   VARCHAR(255),
    group_id  VARCHAR(255),
    link_type VARCHAR(32)  NOT NULL,
    CONSTRAINT bw_task_identity_link_one CHECK ((user_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX bw_task_identity_link_task ON bw_task_identity_link (task_id);
CREATE INDEX bw_task_identity_link_group ON bw_task_identity_link (group_id, link_type);
CREATE INDEX bw_task_identity_link_user ON bw_task_identity_link (user_id, link_type);

-- Variables of an execution or task scope (scope_type EXECUTION or TASK). Values: STRING and JSON
-- up to 4000 characters in text_value, longer ones as UTF-8 in bytes_value; BOOLEAN, LONG and
-- DATE (epoch milliseconds) in long_value; DOUBLE in double_value; BYTES in bytes_value.
CREATE TABLE bw_variable (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    scope_id            VARCHAR(64)  NOT NULL,
    scope_type          VARCHAR(16)  NOT NULL,
    process_instance_id VARCHAR(64),
    name                VARCHAR(255) NOT NULL,
    value_type          VARCHAR(16)  NOT NULL,
    text_value          VARCHAR(4000),
    long_value          BIGINT,
    double_value        DOUBLE PRECISION,
    bytes_value         BYTEA,
    rev                 BIGINT       NOT NULL,
    CONSTRAINT bw_variable_scope_name UNIQUE (scope_id, name)
);
CREATE INDEX bw_variable_instance ON bw_variable (process_instance_id);

CREATE TABLE bw_job (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    job_type            VARCHAR(16)   NOT NULL,
    execution_id        VARCHAR(64),
    process_instance_id VARCHAR(64),
    activity_id         VARCHAR(255),
    due_date            TIMESTAMP WITH TIME ZONE,
    retries             INTEGER       NOT NULL,
    lock_owner          VARCHAR(255),
    lock_expires_at     TIMESTAMP WITH TIME ZONE,
    exception_message   VARCHAR(4000),
    handler_config      VARCHAR(4000),
    suspended           BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    rev                 BIGINT        NOT NULL
);
-- Acquisition: due jobs with retries left whose lock is absent or expired, oldest due first.
CREATE INDEX bw_job_acquisition ON bw_job (due_date, lock_expires_at);
CREATE INDEX bw_job_execution ON bw_job (execution_id);
CREATE INDEX bw_job_instance ON bw_job (process_instance_id);

CREATE TABLE bw_external_task (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    topic               VARCHAR(255)  NOT NULL,
    execution_id        VARCHAR(64)   NOT NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    activity_id         VARCHAR(255)  NOT NULL,
    worker_id           VARCHAR(255),
    lock_expires_at     TIMESTAMP WITH TIME ZONE,
    retries             INTEGER,
    error_message       VARCHAR(4000),
    priority            BIGINT        NOT NULL DEFAULT 0,
    suspended           BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    tenant_id           VARCHAR(64),
    rev                 BIGINT        NOT NULL
);
CREATE INDEX bw_external_task_topic ON bw_external_task (topic, lock_expires_at, priority);
CREATE INDEX bw_external_task_instance ON bw_external_task (process_instance_id);

CREATE TABLE bw_incident (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    incident_type       VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    execution_id        VARCHAR(64),
    process_instance_id VARCHAR(64),
    activity_id         VARCHAR(255),
    job_id              VARCHAR(64),
    external_task_id    VARCHAR(64),
    message             VARCHAR(4000),
    rev                 BIGINT        NOT NULL
);
CREATE INDEX bw_incident_instance ON bw_incident (process_instance_id);
CREATE INDEX bw_incident_job ON bw_incident (job_id);

CREATE TABLE bw_event_subscription (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    event_type          VARCHAR(16)   NOT NULL,
    event_name          VARCHAR(255)  NOT NULL,
    execution_id        VARCHAR(64),
    process_instance_id VARCHAR(64),
    activity_id         VARCHAR(255),
    process_definition_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    rev                 BIGINT        NOT NULL
);
CREATE INDEX bw_event_subscription_name ON bw_event_subscription (event_type, event_name);
CREATE INDEX bw_event_subscription_execution ON bw_event_subscription (execution_id);

-- History: append-only except end times; no rev.
CREATE TABLE bw_hi_process_instance (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_definition_id  VARCHAR(64)   NOT NULL,
    process_definition_key VARCHAR(255)  NOT NULL,
    business_key           VARCHAR(255),
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at               TIMESTAMP WITH TIME ZONE,
    started_by             VARCHAR(255),
    state                  VARCHAR(32)   NOT NULL,
    delete_reason          VARCHAR(4000),
    tenant_id              VARCHAR(64)
);
CREATE INDEX bw_hi_process_instance_definition ON bw_hi_process_instance (process_definition_id);
CREATE INDEX bw_hi_process_instance_started ON bw_hi_process_instance (started_at);

CREATE TABLE bw_hi_activity_instance (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)   NOT NULL,
    execution_id        VARCHAR(64)   NOT NULL,
    activity_id         VARCHAR(255)  NOT NULL,
    activity_type       VARCHAR(64)   NOT NULL,
    activity_name       VARCHAR(255),
    task_id             VARCHAR(64),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX bw_hi_activity_instance_instance ON bw_hi_activity_instance (process_instance_id);

CREATE TABLE bw_hi_task (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    task_definition_key VARCHAR(255),
    name                VARCHAR(255),
    assignee            VARCHAR(255),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE,
    due_date            TIMESTAMP WITH TIME ZONE,
    delete_reason       VARCHAR(4000)
);
CREATE INDEX bw_hi_task_instance ON bw_hi_task (process_instance_id);
CREATE INDEX bw_hi_task_assignee ON bw_hi_task (assignee);

CREATE TABLE bw_hi_variable_update (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    variable_id         VARCHAR(64)   NOT NULL,
    process_instance_id VARCHAR(64),
    scope_id            VARCHAR(64)   NOT NULL,
    name                VARCHAR(255)  NOT NULL,
    value_type          VARCHAR(16)   NOT NULL,
    text_value          VARCHAR(4000),
    long_value          BIGINT,
    double_value        DOUBLE PRECISION,
    bytes_value         BYTEA,
    variable_rev        BIGINT        NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by          VARCHAR(255)
);
CREATE INDEX bw_hi_variable_update_instance ON bw_hi_variable_update (process_instance_id);
CREATE INDEX bw_hi_variable_update_variable ON bw_hi_variable_update (variable_id);

CREATE TABLE bw_user_operation_log (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id             VARCHAR(255),
    operation           VARCHAR(64)   NOT NULL,
    entity_type         VARCHAR(64)   NOT NULL,
    entity_id           VARCHAR(64),
    process_instance_id VARCHAR(64),
    property            VARCHAR(255),
    old_value           VARCHAR(4000),
    new_value           VARCHAR(4000)
);
CREATE INDEX bw_user_operation_log_time ON bw_user_operation_log (occurred_at);
CREATE INDEX bw_user_operation_log_entity ON bw_user_operation_log (entity_type, entity_id);
