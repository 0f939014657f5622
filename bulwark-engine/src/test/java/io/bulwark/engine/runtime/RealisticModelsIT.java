package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.MessageCorrelationResult;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.TestDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The five realistic models run from start to end on H2 and PostgreSQL. */
class RealisticModelsIT {

  private TestEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private ProcessInstance start(String key, Map<String, Object> variables) {
    return engine.runtimeService.startProcessInstance(
        ALICE, StartInstanceRequest.byKey(key).withVariables(variables));
  }

  private void assertEnded(String instanceId) {
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_execution WHERE process_instance_id = ?", instanceId))
        .isZero();
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_variable WHERE process_instance_id = ?", instanceId))
        .isZero();
    assertThat(
            engine.count("SELECT COUNT(*) FROM bw_job WHERE process_instance_id = ?", instanceId))
        .isZero();
    assertThat(engine.history.findProcessInstance(ALICE, instanceId).orElseThrow().endedAt())
        .isNotNull();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void invoiceApprovalRunsBothPaths(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("invoice-approval.bpmn");
    ProcessInstance small =
        start(
            "invoice_approval",
            Map.of("approver", "bob", "amount", 500, "dueDate", "2026-03-01T09:00:00Z"));
    TaskView approve = engine.onlyTask(small.id());
    assertThat(approve.assignee()).isEqualTo("bob");
    assertThat(approve.candidateGroups()).containsExactlyInAnyOrder("accounting", "management");
    assertThat(approve.dueDate()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(approve.priority()).isEqualTo(50);
    engine.tasks.complete(ALICE, approve.id(), Map.of("approved", true));
    assertEnded(small.id());

    ProcessInstance large =
        start(
            "invoice_approval",
            Map.of("approver", "bob", "amount", 5000, "dueDate", "2026-03-01T09:00:00Z"));
    engine.tasks.complete(ALICE, engine.onlyTask(large.id()).id(), Map.of("approved", true));
    TaskView second = engine.onlyTask(large.id());
    assertThat(second.taskDefinitionKey()).isEqualTo("second_approval");
    assertThat(second.formKey()).isEqualTo("embedded:app:forms/second-approval.html");
    engine.tasks.complete(ALICE, second.id(), Map.of());
    assertEnded(large.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void loanApplicationJoinsInclusiveBranchesAndTimesOut(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("loan-application.bpmn");
    Map<String, Object> big = new HashMap<>();
    big.put("amount", 20_000);
    big.put("coApplicant", "");
    big.put("reviewers", List.of("carol", "dave"));
    big.put("collateral", Map.of("value", 100));
    ProcessInstance loan = start("loan_application", big);
    List<TaskView> checks = engine.tasksOf(loan.id());
    assertThat(checks)
        .extracting(TaskView::taskDefinitionKey)
        .containsExactlyInAnyOrder("credit_check", "collateral_check");
    TaskView credit =
        checks.stream().filter(t -> t.taskDefinitionKey().equals("credit_check")).findFirst().get();
    assertThat(credit.candidateUsers()).containsExactly("carol", "dave");
    assertThat(credit.dueDate()).isNotNull();
    assertThat(engine.count("SELECT COUNT(*) FROM bw_job WHERE process_instance_id = ?", loan.id()))
        .isEqualTo(2);
    TaskView collateral =
        checks.stream()
            .filter(t -> t.taskDefinitionKey().equals("collateral_check"))
            .findFirst()
            .get();
    assertThat(collateral.assignee()).isEqualTo("appraiser");
    engine.tasks.complete(ALICE, collateral.id(), Map.of());
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, loan.id()))
        .containsExactly("checks_done", "credit_check");
    engine.tasks.complete(ALICE, credit.id(), Map.of());
    assertEnded(loan.id());

    ProcessInstance timedOut = start("loan_application", big);
    engine.fireTimer(timedOut.id(), "credit_reminder");
    engine.completeExternal(timedOut.id(), "remind", Map.of());
    assertThat(engine.tasksOf(timedOut.id())).hasSize(2);
    engine.fireTimer(timedOut.id(), "credit_timeout");
    assertEnded(timedOut.id());
    assertThat(engine.tasksOf(timedOut.id())).isEmpty();
    assertThat(engine.history.findProcessInstance(ALICE, timedOut.id()).orElseThrow().state())
        .isEqualTo("TERMINATED");

    Map<String, Object> small = new HashMap<>(big);
    small.put("amount", 100);
    small.put("collateral", null);
    ProcessInstance basic = start("loan_application", small);
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, basic.id()))
        .containsExactly("basic_check");
    engine.completeExternal(basic.id(), "basic_check", Map.of("score", 7));
    assertEnded(basic.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void orderFulfilmentForksJoinsAndShips(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("order-fulfilment.bpmn");
    ProcessInstance order = start("order_fulfilment", Map.of("orderId", "o-1"));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, order.id()))
        .containsExactly("charge_card", "reserve_stock");
    engine.completeExternal(order.id(), "reserve_stock", Map.of("reserved", true));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, order.id()))
        .containsExactly("charge_card", "join");
    engine.completeExternal(order.id(), "charge_card", Map.of("charged", true));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, order.id()))
        .containsExactly("ship");
    engine.completeExternal(order.id(), "ship", Map.of());
    assertEnded(order.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void claimHandlingCatchesFraudErrorAcrossSubProcess(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("claim-handling.bpmn");
    ProcessInstance fraud = start("claim_handling", Map.of("claimId", "c-1"));
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, fraud.id()))
        .containsExactly("assess", "fraud_check");
    engine.completeExternal(fraud.id(), "fraud_check", Map.of("fraudScore", 0.9));
    TaskView investigate = engine.onlyTask(fraud.id());
    assertThat(investigate.taskDefinitionKey()).isEqualTo("investigate");
    assertThat(investigate.candidateGroups()).containsExactly("fraud-team");
    assertThat(engine.runtimeService.getVariables(ALICE, fraud.id()))
        .containsEntry("fraudCode", "FRAUD");
    engine.tasks.complete(ALICE, investigate.id(), Map.of());
    assertEnded(fraud.id());

    ProcessInstance honest = start("claim_handling", Map.of("claimId", "c-2"));
    engine.completeExternal(honest.id(), "fraud_check", Map.of("fraudScore", 0.1));
    TaskView pay = engine.onlyTask(honest.id());
    assertThat(pay.taskDefinitionKey()).isEqualTo("pay_out");
    engine.tasks.complete(ALICE, pay.id(), Map.of());
    assertEnded(honest.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void onboardingStartsByMessageCallsChildAndMapsVariables(TestDatabase database) {
    engine = new TestEngine(database);
    engine.deploy("identity-verification-child.bpmn");
    engine.deploy("onboarding-parent.bpmn");
    MessageCorrelationResult started =
        engine.runtimeService.correlateMessage(
            ALICE,
            MessageCorrelation.named("customer-signup")
                .withBusinessKey("cust-7")
                .withVariables(Map.of("customerId", "7", "email", "a@example.org", "x", 1)));
    assertThat(started.kind()).isEqualTo(MessageCorrelationResult.Kind.PROCESS_DEFINITION);
    String parent = started.processInstanceId();
    String child =
        engine.single(
            "SELECT process_instance_id FROM bw_external_task WHERE activity_id = ?",
            "request_documents");
    assertThat(engine.runtimeService.getVariables(ALICE, child))
        .containsOnly(Map.entry("customerId", "7"), Map.entry("contactEmail", "a@example.org"));
    engine.completeExternal(child, "request_documents", Map.of());
    MessageCorrelationResult uploaded =
        engine.runtimeService.correlateMessage(
            ALICE,
            MessageCorrelation.named("documents-uploaded")
                .withBusinessKey("cust-7")
                .withVariables(Map.of("verified", true)));
    assertThat(uploaded.kind()).isEqualTo(MessageCorrelationResult.Kind.EXECUTION);
    assertEnded(child);
    assertThat(engine.runtimeService.getVariables(ALICE, parent))
        .containsEntry("identityVerified", true)
        .doesNotContainKey("verified");
    assertThat(engine.runtimeService.getActiveActivityIds(ALICE, parent))
        .containsExactly("wait_welcome");
    engine.fireTimer(parent, "wait_welcome");
    assertEnded(parent);
    assertThat(
            engine.history.findProcessInstance(ALICE, child).orElseThrow().superProcessInstanceId())
        .isEqualTo(parent);
  }
}
