package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Transaction sub-processes and the structure rules of compensation, after what Camunda's
 * TransactionSubProcessTest and CompensationEventParseInvalidProcessTest assert: a transaction that
 * completes is left by its flow; a cancel end event compensates the transaction's completed
 * activities (waiting for the handlers), then leaves by the cancel boundary event; cancel events
 * outside a transaction, handlers with flows and activityRefs out of scope are refused at
 * deployment.
 */
class TransactionIT {

  @AutoClose private TestEngine engine;

  private static final String TRANSACTION =
      """
          <bpmn:startEvent id="start"/>
          <bpmn:transaction id="tx">
            <bpmn:startEvent id="txStart"/>
            <bpmn:userTask id="bookHotel"/>
            <bpmn:boundaryEvent id="hotelEvt" attachedToRef="bookHotel">
              <bpmn:compensateEventDefinition/>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="undoBookHotel" isForCompensation="true"/>
            <bpmn:exclusiveGateway id="confirmed"/>
            <bpmn:endEvent id="success"/>
            <bpmn:endEvent id="failure"><bpmn:cancelEventDefinition/></bpmn:endEvent>
            <bpmn:sequenceFlow id="t1" sourceRef="txStart" targetRef="bookHotel"/>
            <bpmn:sequenceFlow id="t2" sourceRef="bookHotel" targetRef="confirmed"/>
            <bpmn:sequenceFlow id="t3" sourceRef="confirmed" targetRef="success">
              <bpmn:conditionExpression>${confirmed}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="t4" sourceRef="confirmed" targetRef="failure">
              <bpmn:conditionExpression>${not confirmed}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:association id="a1" sourceRef="hotelEvt" targetRef="undoBookHotel"/>
          </bpmn:transaction>
          <bpmn:boundaryEvent id="catchCancelTx" attachedToRef="tx">
            <bpmn:cancelEventDefinition/>
          </bpmn:boundaryEvent>
          <bpmn:userTask id="afterCancellation"/>
          <bpmn:userTask id="afterSuccess"/>
          <bpmn:endEvent id="end"/>
          <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="tx"/>
          <bpmn:sequenceFlow id="f2" sourceRef="tx" targetRef="afterSuccess"/>
          <bpmn:sequenceFlow id="f3" sourceRef="catchCancelTx" targetRef="afterCancellation"/>
          <bpmn:sequenceFlow id="f4" sourceRef="afterCancellation" targetRef="end"/>
          <bpmn:sequenceFlow id="f5" sourceRef="afterSuccess" targetRef="end"/>
      """;

  private List<String> taskKeys(ProcessInstance instance) {
    return engine.tasksOf(instance.id()).stream().map(TaskView::taskDefinitionKey).toList();
  }

  private void completeOnly(ProcessInstance instance, Map<String, Object> variables) {
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), variables);
  }

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void cancelEndEventCompensatesThenLeavesByTheCancelBoundaryEvent(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("txProcess", Models.process("txProcess", TRANSACTION));
    ProcessInstance cancelled = engine.start("txProcess", Map.of());
    completeOnly(cancelled, Map.of("confirmed", false));
    assertThat(taskKeys(cancelled)).containsExactly("undoBookHotel");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, cancelled.id()))
        .contains("undoBookHotel", "failure");
    completeOnly(cancelled, Map.of());
    assertThat(taskKeys(cancelled)).containsExactly("afterCancellation");
    completeOnly(cancelled, Map.of());
    assertThat(state(cancelled)).isEqualTo("COMPLETED");
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_id = 'tx' AND activity_type = 'transaction'",
                cancelled.id()))
        .isEqualTo(1);

    ProcessInstance confirmed = engine.start("txProcess", Map.of());
    completeOnly(confirmed, Map.of("confirmed", true));
    assertThat(taskKeys(confirmed)).containsExactly("afterSuccess");
    completeOnly(confirmed, Map.of());
    assertThat(state(confirmed)).isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_compensation_subscription")).isZero();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void cancelEndWithNothingToCompensateLeavesAtOnce(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "txNothing",
        Models.process(
            "txNothing",
            TRANSACTION.replace(
                "<bpmn:sequenceFlow id=\"t1\" sourceRef=\"txStart\" targetRef=\"bookHotel\"/>",
                "<bpmn:sequenceFlow id=\"t1\" sourceRef=\"txStart\" targetRef=\"confirmed\"/>")));
    ProcessInstance instance = engine.start("txNothing", Map.of("confirmed", false));
    assertThat(taskKeys(instance)).containsExactly("afterCancellation");
  }

  private void assertRefused(String id, String body, String message) {
    assertThatThrownBy(() -> engine.deployXml(id, Models.process(id, body)))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void compensationAndCancelStructureRulesAreCheckedAtDeployment(EngineDatabase db) {
    engine = new TestEngine(db);
    assertRefused(
        "cancelOutside",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:endEvent id="e"><bpmn:cancelEventDefinition/></bpmn:endEvent>
            <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/>
        """,
        "a cancel end event belongs in a transaction");
    assertRefused(
        "handlerWithFlow",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
            <bpmn:boundaryEvent id="b" attachedToRef="task">
              <bpmn:compensateEventDefinition/>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="undoTask" isForCompensation="true"/>
            <bpmn:endEvent id="end2"/>
            <bpmn:sequenceFlow id="f3" sourceRef="undoTask" targetRef="end2"/>
            <bpmn:association id="a" sourceRef="b" targetRef="undoTask"/>
        """,
        "must have no sequence flows");
    assertRefused(
        "noHandler",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:boundaryEvent id="b" attachedToRef="task">
              <bpmn:compensateEventDefinition/>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="undoTask"/>
            <bpmn:association id="a" sourceRef="b" targetRef="undoTask"/>
        """,
        "must lead to an activity marked isForCompensation");
    assertRefused(
        "parentRef",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="task"/>
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="ss"/>
              <bpmn:intermediateThrowEvent id="t">
                <bpmn:compensateEventDefinition activityRef="task"/>
              </bpmn:intermediateThrowEvent>
              <bpmn:sequenceFlow id="sf" sourceRef="ss" targetRef="t"/>
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="sub"/>
        """,
        "must name an activity in the scope of the compensation event");
  }
}
