-- Compensation (issue 16, item 3): an activity with a compensation boundary event that completed
-- leaves a row here, in the scope it ran in (scope_key: the execution of the process instance or of
-- the sub-process run). A completed sub-process keeps its inner rows under a key of their own
-- (inner_scope_key of the sub-process's row), so that compensating the sub-process compensates
-- them. seq orders the rows of an instance by completion: compensation runs in reverse order.
-- Rows go when their scope ends, is cancelled or is compensated.
CREATE TABLE bw_compensation_subscription (
    id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    scope_key           VARCHAR(64)  NOT NULL,
    activity_id         VARCHAR(255) NOT NULL,
    inner_scope_key     VARCHAR(64),
    seq                 BIGINT       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bw_compensation_subscription_instance
    ON bw_compensation_subscription (process_instance_id);
