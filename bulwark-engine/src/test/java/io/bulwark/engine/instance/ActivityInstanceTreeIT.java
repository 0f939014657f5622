package io.bulwark.engine.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.ActivityInstance;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The activity instance tree nests activities under their embedded sub-process and hides an
 * instance the caller may not read (Z3), on H2 and PostgreSQL.
 */
class ActivityInstanceTreeIT {

  private static final Principal ADMIN =
      Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");

  private static final String MODEL =
      Models.process(
              "tree",
              """
              <bpmn:startEvent id="s"/>
              <bpmn:parallelGateway id="fork"/>
              <bpmn:userTask id="outer" name="Outer"/>
              <bpmn:subProcess id="sub" name="Sub">
                <bpmn:startEvent id="subStart"/>
                <bpmn:userTask id="inner" name="Inner"/>
                <bpmn:endEvent id="subEnd"/>
                <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="inner"/>
                <bpmn:sequenceFlow id="s2" sourceRef="inner" targetRef="subEnd"/>
              </bpmn:subProcess>
              <bpmn:endEvent id="e1"/>
              <bpmn:endEvent id="e2"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
              <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="outer"/>
              <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="sub"/>
              <bpmn:sequenceFlow id="f4" sourceRef="outer" targetRef="e1"/>
              <bpmn:sequenceFlow id="f5" sourceRef="sub" targetRef="e2"/>
          """)
          .replace("isExecutable=\"true\"", "isExecutable=\"true\" name=\"Tree\"");

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void activitiesAreNestedUnderTheirSubProcess(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine =
            BulwarkEngine.builder()
                .dataSource(dataSource)
                .jobExecutor(JobExecutorActivation.OFF)
                .build()) {
      engine.identityService().ensureInitialAdministrator();
      String definition =
          engine
              .repositoryService()
              .deploy(
                  ADMIN,
                  DeploymentRequest.of("t", "t.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)))
              .processDefinitions()
              .get(0)
              .id();
      String id =
          engine
              .runtimeService()
              .startProcessInstance(ADMIN, StartInstanceRequest.byKey("tree"))
              .id();

      ActivityInstance root = engine.runtimeService().getActivityInstance(ADMIN, id);
      assertThat(root.id()).isEqualTo(id);
      assertThat(root.activityId()).isEqualTo(definition);
      assertThat(root.activityType()).isEqualTo("processDefinition");
      assertThat(root.activityName()).isEqualTo("Tree");
      assertThat(root.childActivityInstances())
          .extracting(ActivityInstance::activityId)
          .containsExactlyInAnyOrder("outer", "sub");
      ActivityInstance sub =
          root.childActivityInstances().stream()
              .filter(a -> a.activityId().equals("sub"))
              .findFirst()
              .orElseThrow();
      assertThat(sub.activityType()).isEqualTo("subProcess");
      assertThat(sub.parentActivityInstanceId()).isEqualTo(id);
      assertThat(sub.childActivityInstances())
          .singleElement()
          .satisfies(
              inner -> {
                assertThat(inner.activityId()).isEqualTo("inner");
                assertThat(inner.activityName()).isEqualTo("Inner");
                assertThat(inner.activityType()).isEqualTo("userTask");
                assertThat(inner.parentActivityInstanceId()).isEqualTo(sub.id());
                assertThat(inner.executionIds()).hasSize(1);
              });
      assertThatThrownBy(
              () -> engine.runtimeService().getActivityInstance(Principal.user("eve"), id))
          .isInstanceOf(NotFoundException.class);
    }
  }
}
