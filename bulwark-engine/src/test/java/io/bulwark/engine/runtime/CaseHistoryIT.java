package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Case security "involved now or before" (Z3): a candidate of a task, as a user or through a group,
 * keeps seeing the instance, its variables and its history after the task ended, whether it was
 * completed or cancelled; someone never involved does not.
 */
class CaseHistoryIT {

  private static final Principal ANNA = Principal.user("anna", "clerks");
  private static final Principal CORA = Principal.user("cora");
  private static final Principal BERT = Principal.user("bert", "auditors");
  private static final Principal NINA = Principal.user("nina", "temps");

  /** First a task for clerks and cora, then one for auditors. */
  private static final String TWO_STEPS =
      Models.process(
          "review",
          """
              <bpmn:startEvent id="s"/>
              <bpmn:userTask id="check" camunda:candidateGroups="clerks"
                  camunda:candidateUsers="cora"/>
              <bpmn:userTask id="approve" camunda:candidateGroups="auditors"/>
              <bpmn:endEvent id="e"/>
              <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
              <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="approve"/>
              <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="e"/>
          """);

  @AutoClose private TestEngine engine;

  private String setUp(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    engine.deployXml("review", TWO_STEPS);
    return engine.start("review", Map.of("amount", 7L)).id();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_formerCandidatesKeepSeeingTheInstanceAndItsHistoryAfterTheTaskIsCompleted(
      EngineDatabase database) {
    String instance = setUp(database);
    assertSees(List.of(ANNA, CORA), instance, true);
    assertSees(List.of(BERT, NINA), instance, false);

    engine.tasks.complete(ALICE, engine.onlyTask(instance).id(), Map.of());
    // Anna (group) and Cora (user) were candidates before; Bert is one now.
    assertSees(List.of(ANNA, CORA, BERT), instance, true);
    assertSees(List.of(NINA), instance, false);

    engine.tasks.complete(ALICE, engine.onlyTask(instance).id(), Map.of());
    for (Principal before : List.of(ANNA, CORA, BERT)) {
      assertThat(engine.history.findProcessInstance(before, instance)).isPresent();
      assertThat(historyIds(before)).containsExactly(instance);
    }
    assertThat(engine.history.findProcessInstance(NINA, instance)).isEmpty();
    assertThat(historyIds(NINA)).isEmpty();
    assertThat(
            engine
                .history
                .findProcessInstances(NINA, HistoricProcessInstanceQuery.all().page(0, 10))
                .total())
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_formerCandidatesKeepSeeingTheHistoryAfterTheInstanceIsCancelled(EngineDatabase database) {
    String instance = setUp(database);
    engine.runtimeService.deleteProcessInstance(ALICE, instance, "withdrawn");

    for (Principal before : List.of(ANNA, CORA)) {
      assertThat(engine.history.findProcessInstance(before, instance)).isPresent();
      assertThat(historyIds(before)).containsExactly(instance);
    }
    assertThat(engine.history.findProcessInstance(BERT, instance)).isEmpty();
    assertThat(historyIds(NINA)).isEmpty();
  }

  private void assertSees(List<Principal> principals, String instance, boolean sees) {
    for (Principal principal : principals) {
      List<String> listed =
          engine
              .runtimeService
              .findProcessInstances(principal, ProcessInstanceQuery.all().page(0, 10))
              .items()
              .stream()
              .map(ProcessInstanceView::id)
              .toList();
      if (sees) {
        assertThat(listed).as(principal.userId()).containsExactly(instance);
        assertThat(engine.runtimeService.getVariables(principal, instance))
            .containsEntry("amount", 7L);
        assertThat(engine.history.findProcessInstance(principal, instance)).isPresent();
      } else {
        assertThat(listed).as(principal.userId()).isEmpty();
        assertThatThrownBy(() -> engine.runtimeService.getVariables(principal, instance))
            .isInstanceOf(NotFoundException.class);
        assertThat(engine.history.findProcessInstance(principal, instance)).isEmpty();
      }
    }
  }

  private List<String> historyIds(Principal principal) {
    return engine
        .history
        .findProcessInstances(principal, HistoricProcessInstanceQuery.all().page(0, 10))
        .items()
        .stream()
        .map(HistoricProcessInstance::id)
        .toList();
  }
}
