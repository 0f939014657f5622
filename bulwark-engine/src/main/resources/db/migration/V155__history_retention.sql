-- D5: history retention. A process definition's camunda:historyTimeToLive in days, when its model
-- names one (id = the process definition's id); definitions without a row use the engine's default.
CREATE TABLE bw_history_retention (
    id       VARCHAR(64) NOT NULL PRIMARY KEY,
    ttl_days INTEGER     NOT NULL
);

-- The clean-up finds ended instances by end time: index bw_hi_process_instance_ended (V22).

-- One row per engine-wide schedule; its lock serializes nodes that start at once, so that exactly
-- one history clean-up job exists per database.
CREATE TABLE bw_schedule_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO bw_schedule_lock (name) VALUES ('history-cleanup');
