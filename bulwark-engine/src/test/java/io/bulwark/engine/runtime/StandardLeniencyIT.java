package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The standard BPMN leniencies that Camunda 7 models rely on (issue 16, item 2), executed: flows
 * without ID, implicit end, QName references, an errorRef that is the error code, unconditioned
 * gateway flows, {@code PT0S} timers.
 */
class StandardLeniencyIT {

  @AutoClose private TestEngine engine;

  private String state(ProcessInstance instance) {
    return engine.history.findProcessInstance(ALICE, instance.id()).orElseThrow().state();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void flowsWithoutIdAreTakenAndTheTaskWithoutOutgoingFlowEndsTheInstance(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "noIds",
        Models.process(
            "noIds",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="first"/>
                <bpmn:userTask id="last"/>
                <bpmn:sequenceFlow sourceRef="s" targetRef="first"/>
                <bpmn:sequenceFlow sourceRef="first" targetRef="last"/>
            """));
    ProcessInstance instance = engine.start("noIds", Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("first");
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    TaskView last = engine.onlyTask(instance.id());
    assertThat(last.taskDefinitionKey()).isEqualTo("last");
    engine.tasks.complete(ALICE, last.id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void implicitEndOfOneParallelBranchWaitsForTheOther(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "branches",
        Models.process(
            "branches",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:parallelGateway id="fork"/>
                <bpmn:userTask id="a"/>
                <bpmn:userTask id="b"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a"/>
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
            """));
    ProcessInstance instance = engine.start("branches", Map.of());
    TaskView a =
        engine.tasksOf(instance.id()).stream()
            .filter(t -> t.taskDefinitionKey().equals("a"))
            .findFirst()
            .orElseThrow();
    engine.tasks.complete(ALICE, a.id(), Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("b");
    assertThat(state(instance)).isEqualTo("ACTIVE");
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
  }

  /** After Camunda's ParallelGatewayTest.testCompletingJoin: a join without outgoing flow ends. */
  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void parallelJoinWithoutOutgoingFlowEndsTheInstanceOnceBothArrived(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "completingJoin",
        Models.process(
            "completingJoin",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:parallelGateway id="fork"/>
                <bpmn:userTask id="a"/>
                <bpmn:userTask id="b"/>
                <bpmn:parallelGateway id="joinEnd"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a"/>
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
                <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="joinEnd"/>
                <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="joinEnd"/>
            """));
    ProcessInstance instance = engine.start("completingJoin", Map.of());
    engine.tasks.complete(ALICE, engine.tasksOf(instance.id()).get(0).id(), Map.of());
    assertThat(engine.tasksOf(instance.id())).hasSize(1);
    assertThat(state(instance)).isEqualTo("ACTIVE");
    engine.tasks.complete(ALICE, engine.onlyTask(instance.id()).id(), Map.of());
    assertThat(state(instance)).isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void qualifiedMessageRefIsResolvedAndCorrelates(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "qname",
        Models.process(
                "qname",
                """
                    <bpmn:startEvent id="s"/>
                    <bpmn:intermediateCatchEvent id="wait">
                      <bpmn:messageEventDefinition messageRef="tns:paid"/>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:endEvent id="e"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e"/>
                """,
                "<bpmn:message id=\"paid\" name=\"payment received\"/>")
            .replace("xmlns:camunda=", "xmlns:tns=\"http://bulwark.io/test\" xmlns:camunda="));
    ProcessInstance instance = engine.start("qname", Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("wait");
    engine.runtimeService.correlateMessage(ALICE, MessageCorrelation.named("payment received"));
    assertThat(state(instance)).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void errorRefNamingNoErrorIsTheErrorCodeThrownAndCaught(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "errorCode",
        Models.process(
            "errorCode",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:subProcess id="sub">
                  <bpmn:startEvent id="subStart"/>
                  <bpmn:endEvent id="throw">
                    <bpmn:errorEventDefinition errorRef="PAYMENT_FAILED"/>
                  </bpmn:endEvent>
                  <bpmn:sequenceFlow id="sf" sourceRef="subStart" targetRef="throw"/>
                </bpmn:subProcess>
                <bpmn:boundaryEvent id="caught" attachedToRef="sub">
                  <bpmn:errorEventDefinition errorRef="PAYMENT_FAILED"
                      camunda:errorCodeVariable="code"/>
                </bpmn:boundaryEvent>
                <bpmn:userTask id="handle"/>
                <bpmn:userTask id="normal"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
                <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="normal"/>
                <bpmn:sequenceFlow id="f3" sourceRef="caught" targetRef="handle"/>
            """));
    ProcessInstance instance = engine.start("errorCode", Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("handle");
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .containsEntry("code", "PAYMENT_FAILED");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void unconditionedGatewayFlowsCountAsTrue(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "gateways",
        Models.process(
            "gateways",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:exclusiveGateway id="xor"/>
                <bpmn:inclusiveGateway id="or"/>
                <bpmn:userTask id="never"/>
                <bpmn:userTask id="a"/>
                <bpmn:userTask id="b"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="xor"/>
                <bpmn:sequenceFlow id="f2" sourceRef="xor" targetRef="or"/>
                <bpmn:sequenceFlow id="f3" sourceRef="xor" targetRef="never"/>
                <bpmn:sequenceFlow id="f4" sourceRef="or" targetRef="a"/>
                <bpmn:sequenceFlow id="f5" sourceRef="or" targetRef="b">
                  <bpmn:conditionExpression>${go}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
            """));
    ProcessInstance both = engine.start("gateways", Map.of("go", true));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, both.id()))
        .containsExactlyInAnyOrder("a", "b");
    ProcessInstance one = engine.start("gateways", Map.of("go", false));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, one.id())).containsExactly("a");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void conditionalFlowsOutOfTasksAndStartEventsWithDefaultFlow(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "conditional",
        Models.process(
            "conditional",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="small"/>
                <bpmn:userTask id="review" default="toArchive"/>
                <bpmn:userTask id="escalate"/>
                <bpmn:userTask id="notify"/>
                <bpmn:userTask id="archive"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review">
                  <bpmn:conditionExpression>${amount &gt;= 100}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f2" sourceRef="s" targetRef="small">
                  <bpmn:conditionExpression>${amount &lt; 100}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="toEscalate" sourceRef="review" targetRef="escalate">
                  <bpmn:conditionExpression>${amount &gt; 1000}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="toNotify" sourceRef="review" targetRef="notify">
                  <bpmn:conditionExpression>${amount &gt; 5000}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="toArchive" sourceRef="review" targetRef="archive"/>
            """));
    ProcessInstance small = engine.start("conditional", Map.of("amount", 50));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, small.id()))
        .containsExactly("small");
    ProcessInstance big = engine.start("conditional", Map.of("amount", 9000));
    engine.tasks.complete(ALICE, engine.onlyTask(big.id()).id(), Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, big.id()))
        .containsExactlyInAnyOrder("escalate", "notify");
    ProcessInstance medium = engine.start("conditional", Map.of("amount", 500));
    engine.tasks.complete(ALICE, engine.onlyTask(medium.id()).id(), Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, medium.id()))
        .containsExactly("archive");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void noTrueConditionAndNoDefaultFailsTheCommandAndTheTaskStaysOpen(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "stuck",
        Models.process(
            "stuck",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="decide"/>
                <bpmn:userTask id="yes"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="decide"/>
                <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="yes">
                  <bpmn:conditionExpression>${approved}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
            """));
    ProcessInstance instance = engine.start("stuck", Map.of());
    String task = engine.onlyTask(instance.id()).id();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> engine.tasks.complete(ALICE, task, Map.of("approved", false)))
        .isInstanceOf(ProcessExecutionException.class)
        .hasMessageContaining("no outgoing flow of userTask decide could be taken");
    assertThat(engine.onlyTask(instance.id()).id()).isEqualTo(task);
    assertThat(engine.runtimeService.getVariables(ALICE, instance.id()))
        .doesNotContainKey("approved");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void timerDateWithoutOffsetIsInTheServerTimeZone(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "localDate",
        Models.process(
            "localDate",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="at">
                  <bpmn:timerEventDefinition><bpmn:timeDate>2036-03-01T09:30:00</bpmn:timeDate>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="at"/>
                <bpmn:sequenceFlow id="f2" sourceRef="at" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("localDate", Map.of());
    Instant due =
        java.time.LocalDateTime.of(2036, 3, 1, 9, 30)
            .atZone(java.time.ZoneId.systemDefault())
            .toInstant();
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_job WHERE process_instance_id = ? AND due_date = ?",
                instance.id(),
                java.sql.Timestamp.from(due)))
        .isEqualTo(1);
    engine.fireTimer(instance.id(), "at");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void zeroDurationTimerIsDueAtOnceAndFires(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "zero",
        Models.process(
            "zero",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:intermediateCatchEvent id="now">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration>
                  </bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:userTask id="after"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="now"/>
                <bpmn:sequenceFlow id="f2" sourceRef="now" targetRef="after"/>
            """));
    ProcessInstance instance = engine.start("zero", Map.of());
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_job WHERE process_instance_id = ? AND due_date <= ?",
                instance.id(),
                java.sql.Timestamp.from(Instant.now().plusSeconds(1))))
        .isEqualTo(1);
    engine.fireTimer(instance.id(), "now");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, instance.id()))
        .containsExactly("after");
  }
}
