package io.bulwark.engine.deployment;

import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.command.RowWriter;
import io.bulwark.engine.command.Versioning;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Rows of deployments, resources, process and decision definitions. */
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
      RowWriter.of(
          "bw_deployment",
          Versioning.NONE,
          DeploymentRow::id,
          List.of("name", "content_hash", "deployed_at", "deployed_by", "tenant_id"),
          r ->
              Arrays.asList(
                  r.name(), r.contentHash(), r.deployedAt(), r.deployedBy(), r.tenantId()));

  static final RowWriter<ResourceRow> RESOURCE =
      RowWriter.of(
          "bw_resource",
          Versioning.NONE,
          ResourceRow::id,
          List.of("deployment_id", "name", "bytes"),
          r -> Arrays.asList(r.deploymentId(), r.name(), r.bytes()));

  /** A process definition's {@code camunda:historyTimeToLive} in days (D5). */
  record RetentionRow(String processDefinitionId, int ttlDays) {}

  static final RowWriter<RetentionRow> RETENTION =
      RowWriter.of(
          "bw_history_retention",
          Versioning.NONE,
          RetentionRow::processDefinitionId,
          List.of("ttl_days"),
          r -> Arrays.asList(r.ttlDays()));

  static final RowWriter<ProcessDefinition> DEFINITION = definitions("bw_process_definition");

  /**
   * Decision definitions have the columns of process definitions; a decision is written as a {@link
   * ProcessDefinition} value whose key is the decision key.
   */
  static final RowWriter<ProcessDefinition> DECISION = definitions("bw_decision_definition");

  private static RowWriter<ProcessDefinition> definitions(String table) {
    return RowWriter.of(
        table,
        Versioning.OPTIMISTIC,
        ProcessDefinition::id,
        List.of("def_key", "version", "deployment_id", "name", "resource_name", "tenant_id"),
        d ->
            Arrays.asList(
                d.key(), d.version(), d.deploymentId(), d.name(), d.resourceName(), d.tenantId()));
  }

  private DeploymentRows() {}
}
