-- Incidents in history (issue 14, item 5): a row per incident, written when it is created and
-- closed as resolved (retries given again) or deleted (its job or external task went away).
-- Definition key and starter are copied from the instance so that the list is filtered by case
-- security (Z3) without a join, and so is the tenant; removed with the instance's history by retention (D5).
CREATE TABLE bw_hi_incident (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    incident_type          VARCHAR(64)   NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at               TIMESTAMP WITH TIME ZONE,
    state                  VARCHAR(16)   NOT NULL,
    execution_id           VARCHAR(64),
    process_instance_id    VARCHAR(64),
    process_definition_id  VARCHAR(64),
    process_definition_key VARCHAR(255),
    started_by             VARCHAR(255),
    tenant_id              VARCHAR(64),
    activity_id            VARCHAR(255),
    job_id                 VARCHAR(64),
    external_task_id       VARCHAR(64),
    message                VARCHAR(4000),
    CONSTRAINT bw_hi_incident_state CHECK (state IN ('open', 'resolved', 'deleted'))
);
CREATE INDEX bw_hi_incident_instance ON bw_hi_incident (process_instance_id);
CREATE INDEX bw_hi_incident_created ON bw_hi_incident (created_at);

-- The incidents open today.
INSERT INTO bw_hi_incident (id, incident_type, created_at, state, execution_id,
    process_instance_id, process_definition_id, process_definition_key, started_by, tenant_id,
    activity_id, job_id, external_task_id, message)
SELECT i.id, i.incident_type, i.created_at, 'open', i.execution_id, i.process_instance_id,
    e.process_definition_id, d.def_key, e.started_by, e.tenant_id, i.activity_id, i.job_id,
    i.external_task_id, i.message
FROM bw_incident i
LEFT JOIN bw_execution e ON e.id = i.process_instance_id
LEFT JOIN bw_process_definition d ON d.id = e.process_definition_id;
