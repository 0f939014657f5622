-- Tenants (issue 13, Z3): process definition versions are numbered per key AND tenant, as Camunda
-- 7 does, so that two tenants deploying one key each get their own version 1, 2, ... Rows without
-- a tenant form one more series: NULLS NOT DISTINCT keeps a concurrent deployment of the same key
-- without tenant a unique-key conflict, as before (H2 2.2+, PostgreSQL 15+).
ALTER TABLE bw_process_definition DROP CONSTRAINT bw_process_definition_version;
ALTER TABLE bw_process_definition ADD CONSTRAINT bw_process_definition_version
    UNIQUE NULLS NOT DISTINCT (def_key, tenant_id, version);
