package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.Versioning;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Rows of deployments, resources and process definitions. */
final class DeploymentRows {

  record DeploymentRow(
      String id,
      String name,
      String contentHash,
      Instant deployedAt,
      String deployedBy,
      String tenantId) {}

  record ResourceRow(String id, String deploymentId, String name, byte[] bytes) {}

  static final RowWriter<DeploymentRow> DEPLOYMENT =
      new RowWriter<>() {
        @Override
        public String table() {
          return "bw_deployment";
        }

        @Override
        public List<String> columns() {
          return List.of("name", "content_hash", "deployed_at", "deployed_by", "tenant_id");
        }

        @Override
        public Versioning versioning() {
          return Versioning.NONE;
        }

        @Override
        public String id(DeploymentRow row) {
          return row.id();
        }

        @Override
        public List<Object> values(DeploymentRow r) {
          return Arrays.asList(
              r.name(), r.contentHash(), r.deployedAt(), r.deployedBy(), r.tenantId());
        }
      };

  static final RowWriter<ResourceRow> RESOURCE =
      new RowWriter<>() {
        @Override
        public String table() {
          return "bw_resource";
        }

        @Override
        public List<String> columns() {
          return List.of("deployment_id", "name", "bytes");
        }

        @Override
        public Versioning versioning() {
          return Versioning.NONE;
        }

        @Override
        public String id(ResourceRow row) {
          return row.id();
        }

        @Override
        public List<Object> values(ResourceRow r) {
          return Arrays.asList(r.deploymentId(), r.name(), r.bytes());
        }
      };

  static final RowWriter<ProcessDefinition> DEFINITION =
      new RowWriter<>() {
        @Override
        public String table() {
          return "bw_process_definition";
        }

        @Override
        public List<String> columns() {
          return List.of(
              "def_key", "version", "deployment_id", "name", "resource_name", "tenant_id");
        }

        @Override
        public Versioning versioning() {
          return Versioning.OPTIMISTIC;
        }

        @Override
        public String id(ProcessDefinition row) {
          return row.id();
        }

        @Override
        public List<Object> values(ProcessDefinition d) {
          return Arrays.asList(
              d.key(), d.version(), d.deploymentId(), d.name(), d.resourceName(), d.tenantId());
        }
      };

  private DeploymentRows() {}
}
