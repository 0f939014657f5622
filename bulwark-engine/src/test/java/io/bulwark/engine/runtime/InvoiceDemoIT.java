package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.command.EngineDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Camunda 7's invoice demo, read in place from {@code ../shared/conformance/camunda7/examples/
 * invoice/} (issue 16, "done when"): unchanged, it is refused for exactly its two JavaScript task
 * listeners and its Java delegate, each named; with the delegate mapped to an external task topic
 * and the two listeners removed, it runs from start to end through its DMN decision (with a
 * required decision) and its call activity {@code reviewInvoice}.
 */
class InvoiceDemoIT {

  static final String ARCHIVE_CLASS =
      "org.camunda.bpm.example.invoice.service.ArchiveInvoiceService";

  @AutoClose private TestEngine engine;

  private static Path invoiceFolder() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    Path folder =
        dir == null ? null : dir.resolve("../shared/conformance/camunda7/examples/invoice");
    if (folder == null || !Files.isDirectory(folder)) {
      String missing = "the Camunda 7 invoice demo is not beside the repository";
      if ("true".equals(System.getenv("BULWARK_TEST_REQUIRE_ALL"))) {
        throw new AssertionError(missing + "; required because BULWARK_TEST_REQUIRE_ALL=true");
      }
      Assumptions.abort(missing);
    }
    return folder.normalize();
  }

  private static Map<String, byte[]> resources(boolean withoutListeners) throws IOException {
    Path folder = invoiceFolder();
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (String name :
        List.of("invoice.v2.bpmn", "reviewInvoice.bpmn", "invoiceBusinessDecisions.dmn")) {
      String text = Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
      if (withoutListeners) {
        text = text.replaceAll("(?s)<camunda:taskListener .*?</camunda:taskListener>", "");
      }
      resources.put(name, text.getBytes(StandardCharsets.UTF_8));
    }
    return resources;
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z10_unchangedDemoIsRefusedForItsTwoScriptListenersAndItsJavaDelegateOnly(EngineDatabase db)
      throws IOException {
    engine = new TestEngine(db);
    Map<String, byte[]> resources = resources(false);
    BpmnValidationException rejected =
        catchThrowableOfType(
            BpmnValidationException.class,
            () ->
                engine.repository.deploy(ALICE, new DeploymentRequest("invoice", resources, null)));
    assertThat(rejected.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "invoice.v2.bpmn 'approveInvoice' (line 33): extension camunda:taskListener on"
                + " bpmn:userTask is not supported: listeners run code (Z10)",
            "invoice.v2.bpmn 'approveInvoice' (line 38): extension camunda:taskListener on"
                + " bpmn:userTask is not supported: listeners run code (Z10)",
            "invoice.v2.bpmn 'ServiceTask_1' (line 79): Java class reference camunda:class='"
                + ARCHIVE_CLASS
                + "' is not on the delegate allowlist; classes run code in the engine (Z10); map"
                + " it to an external task topic (delegate topics) or use"
                + " camunda:type=\"external\"");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_deployment")).isZero();
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void demoWithTheDelegateMappedToATopicRunsThroughDecisionAndReviewToTheEnd(EngineDatabase db)
      throws IOException {
    engine =
        new TestEngine(
            db,
            RuntimeSettings.defaults()
                .withParseOptions(
                    ParseOptions.builder()
                        .delegateTopics(Map.of(ARCHIVE_CLASS, "archive-invoice"))
                        .build()));
    engine.repository.deploy(ALICE, new DeploymentRequest("invoice", resources(true), null));
    assertThat(engine.count("SELECT COUNT(*) FROM bw_decision_definition")).isEqualTo(2);
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("creditor", "Great Pizza for Everyone Inc.");
    start.put("amount", 30.0);
    start.put("invoiceCategory", "Misc");
    start.put("invoiceNumber", "GPFE-23232323");
    ProcessInstance invoice = engine.start("invoice", start);

    // The DRD: invoiceClassification gives "day-to-day expense", the COLLECT table two groups.
    assertThat(engine.runtimeService.getVariables(ALICE, invoice.id()))
        .containsEntry("approverGroups", List.of("accounting", "sales"));
    TaskView approve = engine.onlyTask(invoice.id());
    assertThat(approve.taskDefinitionKey()).isEqualTo("approveInvoice");
    assertThat(approve.candidateGroups()).containsExactlyInAnyOrder("accounting", "sales");
    assertThat(approve.dueDate())
        .isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
    engine.tasks.complete(ALICE, approve.id(), Map.of("approved", false));

    // Not approved: the call activity starts ReviewInvoice with the camunda:in variables.
    TaskView assign = taskOf("ReviewInvoice", "assignReviewer");
    assertThat(assign.assignee()).isEqualTo("demo");
    engine.tasks.complete(ALICE, assign.id(), Map.of("reviewer", "alice"));
    TaskView review = taskOf("ReviewInvoice", "reviewInvoice");
    assertThat(review.assignee()).isEqualTo("alice");
    engine.tasks.complete(ALICE, review.id(), Map.of("clarified", true));

    // Clarified: back to approval, then the bank transfer and the archive worker.
    TaskView again = engine.onlyTask(invoice.id());
    assertThat(again.taskDefinitionKey()).isEqualTo("approveInvoice");
    engine.tasks.complete(ALICE, again.id(), Map.of("approved", true));
    TaskView transfer = engine.onlyTask(invoice.id());
    assertThat(transfer.taskDefinitionKey()).isEqualTo("prepareBankTransfer");
    engine.tasks.complete(ALICE, transfer.id(), Map.of());
    assertThat(
            engine.single(
                "SELECT topic FROM bw_external_task WHERE process_instance_id = ?", invoice.id()))
        .isEqualTo("archive-invoice");
    engine.completeExternal(invoice.id(), "ServiceTask_1", Map.of("archived", true));

    assertThat(engine.history.findProcessInstance(ALICE, invoice.id()).orElseThrow().state())
        .isEqualTo("COMPLETED");
    assertThat(engine.count("SELECT COUNT(*) FROM bw_execution")).isZero();
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE activity_id = 'assignApprover'"
                    + " AND activity_type = 'businessRuleTask'"))
        .isEqualTo(1);
  }

  private TaskView taskOf(String processKey, String taskKey) {
    List<TaskView> found =
        engine.tasks.findTasks(ALICE, TaskQuery.all()).items().stream()
            .filter(t -> processKey.equals(t.processDefinitionKey()))
            .filter(t -> taskKey.equals(t.taskDefinitionKey()))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
