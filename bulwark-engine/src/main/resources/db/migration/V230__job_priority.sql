-- camunda:jobPriority (issue 16): every job carries the priority of its activity or process (0 when
-- the model sets none); acquisition takes the highest priority first, then the earliest due date.
-- The index serves that order, so acquisition reads the first due rows in priority order instead of
-- sorting every due job. Portable: H2 (any mode) and PostgreSQL 15+.
ALTER TABLE bw_job ADD COLUMN priority BIGINT DEFAULT 0 NOT NULL;
CREATE INDEX bw_job_priority_acquisition ON bw_job (priority DESC, due_date, id);
