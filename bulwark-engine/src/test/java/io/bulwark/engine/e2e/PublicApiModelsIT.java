package io.bulwark.engine.e2e;

import static io.bulwark.engine.e2e.PublicEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The realistic models, run end to end through the public API only, with the background job
 * executor running async continuations and timers, and workers completing external tasks (E1, O5).
 */
class PublicApiModelsIT {

  private PublicEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void invoiceApprovalThroughTaskService(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deploy("invoice-approval.bpmn");
    ProcessInstance large =
        engine.start(
            "invoice_approval",
            Map.of("approver", "bob", "amount", 5000, "dueDate", "2026-03-01T09:00:00Z"));
    TaskView first = engine.tasks(large.id()).get(0);
    engine.engine.taskService().complete(ALICE, first.id(), Map.of("approved", true));
    TaskView second = engine.awaitTask(large.id(), "second_approval");
    engine.engine.taskService().complete(ALICE, second.id(), Map.of());
    assertThat(engine.awaitEnded(large.id()).state()).isEqualTo("COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void o5_orderFulfilmentRunsAsyncContinuationsInTheJobExecutor(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deploy("order-fulfilment.bpmn");
    ProcessInstance order = engine.start("order_fulfilment", Map.of("orderId", "o-1"));
    // charge_card is asyncBefore: the job executor enters it after the start committed.
    engine.completeExternal("inventory-reserve", order.id(), Map.of("reserved", true));
    engine.completeExternal("payment-charge", order.id(), Map.of("charged", true));
    // ship is asyncAfter: completing it commits, the job executor takes the flow to the end.
    engine.completeExternal("shipping", order.id(), Map.of());
    assertThat(engine.awaitEnded(order.id()).state()).isEqualTo("COMPLETED");
    assertThat(engine.engine.managementService().countJobs(ALICE, JobFilter.all())).isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void claimHandlingCatchesFraudErrorAfterAsyncSubProcess(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deploy("claim-handling.bpmn");
    ProcessInstance fraud = engine.start("claim_handling", Map.of("claimId", "c-1"));
    engine.completeExternal("fraud-check", fraud.id(), Map.of("fraudScore", 0.9));
    TaskView investigate = engine.awaitTask(fraud.id(), "investigate");
    assertThat(engine.engine.runtimeService().getVariables(ALICE, fraud.id()))
        .containsEntry("fraudCode", "FRAUD");
    engine.engine.taskService().complete(ALICE, investigate.id(), Map.of());
    engine.awaitEnded(fraud.id());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void loanApplicationTimersFireThroughManagementService(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deploy("loan-application.bpmn");
    Map<String, Object> big = new HashMap<>();
    big.put("amount", 20_000);
    big.put("coApplicant", "");
    big.put("reviewers", List.of("carol", "dave"));
    big.put("collateral", Map.of("value", 100));
    ProcessInstance loan = engine.start("loan_application", big);
    List<Job> timers =
        engine
            .engine
            .managementService()
            .listJobs(ALICE, JobFilter.ofProcessInstance(loan.id()), 0, 10);
    assertThat(timers)
        .extracting(Job::activityId)
        .containsExactlyInAnyOrder("credit_reminder", "credit_timeout");
    Job reminder =
        timers.stream().filter(j -> j.activityId().equals("credit_reminder")).findFirst().get();
    engine.engine.managementService().executeJob(ALICE, reminder.id());
    engine.completeExternal("notify", loan.id(), Map.of());
    Job timeout =
        timers.stream().filter(j -> j.activityId().equals("credit_timeout")).findFirst().get();
    engine.engine.managementService().executeJob(ALICE, timeout.id());
    HistoricProcessInstance ended = engine.awaitEnded(loan.id());
    assertThat(ended.state()).isEqualTo("TERMINATED");
    assertThat(engine.tasks(loan.id())).isEmpty();
    assertThat(
            engine
                .engine
                .managementService()
                .countJobs(ALICE, JobFilter.ofProcessInstance(loan.id())))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void onboardingStartsByMessageCallsChildAcrossAsyncBoundaries(TestDatabase database) {
    engine = new PublicEngine(database);
    engine.deploy("identity-verification-child.bpmn");
    engine.deploy("onboarding-parent.bpmn");
    String parent =
        engine
            .engine
            .runtimeService()
            .correlateMessage(
                ALICE,
                MessageCorrelation.named("customer-signup")
                    .withBusinessKey("cust-7")
                    .withVariables(Map.of("customerId", "7", "email", "a@example.org")))
            .processInstanceId();
    // verify_identity is asyncBefore: the job executor starts the child.
    LockedExternalTask request =
        PublicEngine.await(
            "child's request_documents",
            () ->
                engine
                    .engine
                    .externalTaskService()
                    .fetchAndLock(
                        ALICE,
                        new io.bulwark.engine.api.FetchRequest(
                            "worker-1",
                            1,
                            List.of(
                                new io.bulwark.engine.api.TopicRequest(
                                    "kyc-request", 60_000, null, null)),
                            false))
                    .stream()
                    .findFirst());
    String child = request.processInstanceId();
    engine
        .engine
        .externalTaskService()
        .complete(ALICE, request.id(), "worker-1", Map.of(), Map.of());
    PublicEngine.await(
        "child waiting for documents",
        () ->
            engine
                    .engine
                    .runtimeService()
                    .getActiveActivityIds(ALICE, child)
                    .contains("documents_uploaded")
                ? java.util.Optional.of(true)
                : java.util.Optional.empty());
    engine
        .engine
        .runtimeService()
        .correlateMessage(
            ALICE,
            MessageCorrelation.named("documents-uploaded")
                .withBusinessKey("cust-7")
                .withVariables(Map.of("verified", true)));
    engine.awaitEnded(child);
    Job welcome =
        PublicEngine.await(
            "welcome timer",
            () ->
                engine
                    .engine
                    .managementService()
                    .listJobs(ALICE, JobFilter.ofProcessInstance(parent), 0, 10)
                    .stream()
                    .findFirst());
    assertThat(welcome.activityId()).isEqualTo("wait_welcome");
    engine.engine.managementService().executeJob(ALICE, welcome.id());
    engine.awaitEnded(parent);
    // The nightly cleanup's timer start (a cycle from 2026-01-01) waits for its next night only.
    List<Job> nightly = engine.engine.managementService().listJobs(ALICE, JobFilter.all(), 0, 10);
    assertThat(nightly)
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.type()).isEqualTo("timer-start");
              assertThat(j.dueDate()).isAfter(java.time.Instant.now());
            });
  }
}
