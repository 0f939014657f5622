-- Decision history (issue 14): one row per evaluated decision, from a business rule task or from
-- /decision-definition/.../evaluate, and one row per input and output of it. Written in the same
-- unit of work (one batch at commit) as the evaluation. The starter of the process instance is
-- copied so that the list is filtered by case security (Z3) without a join; a decision evaluated
-- outside a process has no instance. Removed with the instance's history by retention (D5); those
-- evaluated outside a process by the engine's default retention, counted from the evaluation.
CREATE TABLE bw_hi_decision_instance (
    id                        VARCHAR(64)  NOT NULL PRIMARY KEY,
    decision_definition_id    VARCHAR(64)  NOT NULL,
    decision_definition_key   VARCHAR(255) NOT NULL,
    decision_definition_name  VARCHAR(255),
    decision_version          INTEGER      NOT NULL,
    tenant_id                 VARCHAR(64),
    evaluated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    process_definition_id     VARCHAR(64),
    process_definition_key    VARCHAR(255),
    process_instance_id       VARCHAR(64),
    started_by                VARCHAR(255),
    activity_id               VARCHAR(255),
    activity_instance_id      VARCHAR(64),
    root_decision_instance_id VARCHAR(64),
    user_id                   VARCHAR(255),
    collect_result_value      DOUBLE PRECISION
);
CREATE INDEX bw_hi_decision_instance_instance ON bw_hi_decision_instance (process_instance_id);
CREATE INDEX bw_hi_decision_instance_evaluated ON bw_hi_decision_instance (evaluated_at);
CREATE INDEX bw_hi_decision_instance_key ON bw_hi_decision_instance (decision_definition_key);

-- Inputs (kind 'input') and outputs ('output', with the matched rule) of a decision instance. A
-- value that may come from a sensitive variable (D1) is not stored: masked is true and the value
-- columns are empty. A value of no variable type keeps its type's reason in error_message.
CREATE TABLE bw_hi_decision_value (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    decision_instance_id VARCHAR(64)   NOT NULL,
    process_instance_id  VARCHAR(64),
    kind                 VARCHAR(8)    NOT NULL,
    position             INTEGER       NOT NULL,
    clause_id            VARCHAR(255),
    clause_name          VARCHAR(255),
    rule_id              VARCHAR(255),
    rule_order           INTEGER,
    variable_name        VARCHAR(255),
    value_type           VARCHAR(16)   NOT NULL,
    text_value           VARCHAR(4000),
    long_value           BIGINT,
    double_value         DOUBLE PRECISION,
    bytes_value          BYTEA,
    masked               BOOLEAN       NOT NULL,
    error_message        VARCHAR(255),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bw_hi_decision_value_kind CHECK (kind IN ('input', 'output'))
);
CREATE INDEX bw_hi_decision_value_decision ON bw_hi_decision_value (decision_instance_id);
CREATE INDEX bw_hi_decision_value_instance ON bw_hi_decision_value (process_instance_id);
