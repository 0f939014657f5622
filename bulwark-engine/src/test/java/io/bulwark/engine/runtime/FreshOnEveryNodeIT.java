package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.AuthorizationRule;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentDeletion;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Two engines on one database, as two nodes of a cluster: what one node changes counts on the next
 * call on the other, with no wait (issue 13 item 5; DESIGN "Caches").
 */
class FreshOnEveryNodeIT {

  private static final Principal ADMIN = new Principal("root", Set.of("bulwark-admins"));
  private static final Principal DORA = new Principal("dora", Set.of("clerks"));

  private static BulwarkEngine node(TestDatabase db) {
    return BulwarkEngine.builder()
        .jdbc(db.jdbcUrl(), db.username(), Secret.of(db.password()))
        .jobExecutor(JobExecutorActivation.OFF)
        .build();
  }

  private static DeploymentResult deploy(BulwarkEngine node, String assignee) {
    String xml = Models.oneTask("fresh", "camunda:assignee=\"" + assignee + "\"");
    return node.repositoryService()
        .deploy(
            ADMIN,
            DeploymentRequest.of("fresh", "fresh.bpmn", xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static ProcessInstance start(BulwarkEngine node, Principal principal) {
    return node.runtimeService()
        .startProcessInstance(principal, StartInstanceRequest.byKey("fresh"));
  }

  private static String definitionOf(DeploymentResult deployment) {
    return deployment.processDefinitions().get(0).id();
  }

  @EveryDatabaseTest
  void z2_anotherNodesDeployCountsOnTheNextStartByKey(TestDatabase db) {
    try (BulwarkEngine a = node(db);
        BulwarkEngine b = node(db)) {
      DeploymentResult v1 = deploy(a, "ann");
      assertThat(start(a, ADMIN).processDefinitionId()).isEqualTo(definitionOf(v1));
      // A now remembers v1 as the latest version; B deploys v2 behind its back.
      DeploymentResult v2 = deploy(b, "bob");
      assertThat(start(a, ADMIN).processDefinitionId()).isEqualTo(definitionOf(v2));
      assertThat(start(a, ADMIN).processDefinitionId()).isEqualTo(definitionOf(v2));

      // B deletes v2 (and its instances): A's remembered latest is gone, v1 is the latest again.
      b.repositoryService().deleteDeployment(ADMIN, v2.id(), DeploymentDeletion.CANCEL_INSTANCES);
      assertThat(start(a, ADMIN).processDefinitionId()).isEqualTo(definitionOf(v1));
    }
  }

  @EveryDatabaseTest
  void z2_aGrantOrRevokeOnOneNodeCountsOnTheNextCallOnTheOther(TestDatabase db) {
    try (BulwarkEngine a = node(db);
        BulwarkEngine b = node(db)) {
      deploy(a, "ann");
      assertThatThrownBy(() -> start(a, DORA)).isInstanceOf(AuthorizationDeniedException.class);

      AuthorizationRule grant =
          b.authorizationService()
              .createRule(
                  ADMIN,
                  NewAuthorizationRule.grantToGroup(
                      "clerks", "PROCESS_DEFINITION", "fresh", "START_INSTANCE"));
      assertThat(start(a, DORA).processDefinitionKey()).isEqualTo("fresh");

      AuthorizationRule revoke =
          b.authorizationService()
              .createRule(
                  ADMIN,
                  NewAuthorizationRule.revokeFromUser(
                      "dora", "PROCESS_DEFINITION", "fresh", "START_INSTANCE"));
      assertThatThrownBy(() -> start(a, DORA)).isInstanceOf(AuthorizationDeniedException.class);

      b.authorizationService().deleteRule(ADMIN, revoke.id());
      assertThat(start(a, DORA).processDefinitionKey()).isEqualTo("fresh");
      b.authorizationService().deleteRule(ADMIN, grant.id());
      assertThatThrownBy(() -> start(a, DORA)).isInstanceOf(AuthorizationDeniedException.class);
    }
  }
}
