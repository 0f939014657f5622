package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.UserProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the Tasklist tests need in the engine: the expense model (a user task offered to group
 * {@value #GROUP} with every form field type), the invoice model (a task with a Camunda Form), the
 * group allowed to start it and read its model, users in that group, and instances started by the
 * administrator. Idempotent, so test classes sharing one server can all call it.
 */
final class TasklistFixture {

  static final String GROUP = "tl-clerks";
  static final String PROCESS = "expense";
  static final String INVOICE = "invoice";

  /** A process with a start form ({@code camunda:formData} on its start event), issue 15. */
  static final String ORDER = "order-intake";

  static final String SCRIPT = "<script>alert('xss')</script>";
  static final Principal ADMIN =
      new Principal(
          IdentityService.INITIAL_ADMINISTRATOR, Set.of(IdentityService.ADMINISTRATORS_GROUP));

  private static final AtomicInteger USERS = new AtomicInteger();

  private final BulwarkEngine engine;

  TasklistFixture(BulwarkEngine engine) {
    this.engine = engine;
  }

  /** Deploys the model and creates the group with its grants, once per database. */
  synchronized TasklistFixture deployed() {
    IdentityService identity = engine.identityService();
    try {
      identity.createGroup(ADMIN, GROUP, "Tasklist clerks");
    } catch (ConflictException alreadyThere) {
      return this;
    }
    engine
        .authorizationService()
        .createRule(
            ADMIN,
            NewAuthorizationRule.grantToGroup(
                GROUP, "PROCESS_DEFINITION", PROCESS, "START_INSTANCE", "READ"));
    engine
        .repositoryService()
        .deploy(ADMIN, DeploymentRequest.of(PROCESS, "expense.bpmn", resource("expense.bpmn")));
    engine
        .authorizationService()
        .createRule(
            ADMIN,
            NewAuthorizationRule.grantToGroup(
                GROUP, "PROCESS_DEFINITION", INVOICE, "START_INSTANCE", "READ"));
    Map<String, byte[]> invoice = new java.util.LinkedHashMap<>();
    invoice.put("invoice.bpmn", resource("invoice.bpmn"));
    invoice.put("invoice.form", resource("invoice.form"));
    engine.repositoryService().deploy(ADMIN, new DeploymentRequest(INVOICE, invoice, null));
    // START_INSTANCE only: the start form is shown to those who may start (issue 15).
    engine
        .authorizationService()
        .createRule(
            ADMIN,
            NewAuthorizationRule.grantToGroup(
                GROUP, "PROCESS_DEFINITION", ORDER, "START_INSTANCE"));
    engine
        .repositoryService()
        .deploy(ADMIN, DeploymentRequest.of(ORDER, "order.bpmn", resource("order.bpmn")));
    return this;
  }

  /** Starts an invoice approval, whose task has a Camunda Form; its task's id. */
  String startInvoice() {
    String instanceId =
        engine
            .runtimeService()
            .startProcessInstance(
                ADMIN,
                StartInstanceRequest.byKey(INVOICE)
                    .withVariables(Map.of("invoiceNumber", "INV-7", "creditor", SCRIPT)))
            .id();
    return engine
        .taskService()
        .findTasks(ADMIN, TaskQuery.all().ofInstance(instanceId))
        .items()
        .get(0)
        .id();
  }

  /** A new user in the group; with {@code REQUIRED}, the password is a one-time password (A2). */
  TestUser user(PasswordChange change) {
    TestUser user = outsider(change);
    engine.identityService().addMembership(ADMIN, user.id(), GROUP);
    return user;
  }

  /** A new user in no group: neither assignee nor candidate of any task. */
  TestUser outsider(PasswordChange change) {
    String id =
        "tl-user-" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(
              ADMIN, new NewUser(id, UserProfile.ofDisplayName("Test Clerk"), secret, change));
    }
    return new TestUser(id, password);
  }

  /** Starts an expense claim whose read-only customer field holds a script tag; its task's id. */
  String startClaim() {
    String instanceId =
        engine
            .runtimeService()
            .startProcessInstance(
                ADMIN,
                StartInstanceRequest.byKey(PROCESS).withVariables(Map.of("customer", SCRIPT)))
            .id();
    TaskView task =
        engine
            .taskService()
            .findTasks(ADMIN, TaskQuery.all().ofInstance(instanceId))
            .items()
            .get(0);
    return task.id();
  }

  /** The latest order-intake definition's id. */
  String orderDefinitionId() {
    return engine
        .repositoryService()
        .findStartableProcessDefinitions(ADMIN, 0, 100)
        .items()
        .stream()
        .filter(d -> ORDER.equals(d.key()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** How many order-intake instances run. */
  long orders() {
    return engine
        .runtimeService()
        .findProcessInstances(
            ADMIN, io.bulwark.engine.api.ProcessInstanceQuery.all().ofProcess(ORDER))
        .total();
  }

  /** The task as the administrator sees it. */
  TaskView task(String taskId) {
    return engine.taskService().getTask(ADMIN, taskId);
  }

  private static byte[] resource(String name) {
    try (InputStream in = TasklistFixture.class.getResourceAsStream("/tasklist/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record TestUser(String id, String password) {}
}
