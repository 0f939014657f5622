package io.bulwark.server.web.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.auth.TestHttpClient;
import io.bulwark.server.auth.TestServer;
import io.bulwark.server.web.tasklist.TasklistFixture.TestUser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Tasklist's defences over real HTTPS, without a browser: CSRF (W2), case security (Z3), server
 * validation of forms (W10), output encoding and no-store (W3), the generic error page (W5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
class TasklistSecurityIT {

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  private TasklistFixture fixture;

  @BeforeEach
  void deploy() {
    fixture = new TasklistFixture(engine).deployed();
  }

  private TestHttpClient signedIn(TestUser user) {
    TestHttpClient client = new TestHttpClient(TestServer.baseUri(environment));
    HttpResponse<String> answer = client.signIn(user.id(), user.password());
    assertThat(TestHttpClient.location(answer)).endsWith("/app/");
    return client;
  }

  private static String taskPath(String taskId) {
    return "/app/tasklist/tasks/" + taskId;
  }

  @Test
  void z9_tasklistShowsTimesInTheUsersTimeZone() {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    TestHttpClient client = signedIn(user);
    String taskId = fixture.startClaim();
    String inUtc = client.get("/app/tasklist?view=group").body();
    engine
        .identityService()
        .updateProfile(
            TasklistFixture.ADMIN,
            user.id(),
            new UserProfile(null, null, "Test Clerk", null, "de-CH", "Asia/Kathmandu"));
    String inKathmandu = signedIn(user).get("/app/tasklist?view=group").body();
    String created = fixture.task(taskId).createdAt().toString();

    assertThat(inUtc).contains(taskId).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC<");
    assertThat(inKathmandu)
        .as("the profile's zone, 5:45 ahead of UTC")
        .contains("datetime=\"" + created + "\"")
        .containsPattern("\\d{2}:\\d{2} Asia/Kathmandu<")
        .doesNotContain(" UTC<");
  }

  @Test
  void w2_forgedPostWithoutTheCsrfTokenIsRefused() {
    TestHttpClient client = signedIn(fixture.user(PasswordChange.NOT_REQUIRED));
    String taskId = fixture.startClaim();

    HttpResponse<String> forged = client.post(taskPath(taskId) + "/claim", Map.of());

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(fixture.task(taskId).assignee()).isNull();
  }

  @Test
  void z3_anotherUsersTaskAnswersExactlyLikeAMissingOne() {
    TestUser owner = fixture.user(PasswordChange.NOT_REQUIRED);
    TestHttpClient ownerClient = signedIn(owner);
    String taskId = fixture.startClaim();
    ownerClient.submit(taskPath(taskId), taskPath(taskId) + "/claim", Map.of());
    assertThat(fixture.task(taskId).assignee()).isEqualTo(owner.id());
    // A user outside the task's group: neither assignee nor candidate.
    TestHttpClient stranger = new TestHttpClient(TestServer.baseUri(environment));
    TestUser outsider = fixture.outsider(PasswordChange.NOT_REQUIRED);
    stranger.signIn(outsider.id(), outsider.password());

    HttpResponse<String> theirs = stranger.get(taskPath(taskId));
    HttpResponse<String> missing = stranger.get(taskPath("00000000-0000-7000-8000-000000000000"));
    HttpResponse<String> theirDiagram = stranger.get(taskPath(taskId) + "/diagram.bpmn");

    assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(withoutCorrelationId(theirs.body())).isEqualTo(withoutCorrelationId(missing.body()));
    assertThat(theirs.body()).doesNotContain(taskId).doesNotContain("Review expense");
    assertThat(theirDiagram.statusCode()).isEqualTo(404);
  }

  @Test
  void w10_aCamundaFormSubmissionThatBreaksTheSchemaIsRefusedWithTheBrowserBypassed() {
    TestHttpClient client = signedIn(fixture.user(PasswordChange.NOT_REQUIRED));
    String taskId = fixture.startInvoice();
    client.submit(taskPath(taskId), taskPath(taskId) + "/claim", Map.of());
    String page = client.get(taskPath(taskId)).body();
    String action = taskPath(taskId) + "/camunda-form";
    String valid = "{\"creditor\":\"Great Pizza\",\"amount\":30,\"category\":\"travel\"";

    HttpResponse<String> overMax =
        client.postJson(taskPath(taskId), action, valid.replace("30", "5000") + "}");
    HttpResponse<String> notAnOption =
        client.postJson(taskPath(taskId), action, valid.replace("travel", "bribes") + "}");
    HttpResponse<String> readOnly =
        client.postJson(taskPath(taskId), action, valid + ",\"invoiceNumber\":\"INV-8\"}");
    HttpResponse<String> undeclared =
        client.postJson(taskPath(taskId), action, valid + ",\"isAdmin\":true}");
    HttpResponse<String> nested =
        client.postJson(taskPath(taskId), action, valid + ",\"creditor\":{\"a\":1}}");
    HttpResponse<String> forged =
        client.post(action, Map.of("creditor", "Great Pizza", "amount", "30"));

    assertThat(page)
        .contains("data-schema=\"{")
        .contains("approve-invoice")
        .contains("camunda-form.js")
        .contains("needs\n        JavaScript")
        .doesNotContain(TasklistFixture.SCRIPT)
        .contains("&lt;script&gt;");
    assertThat(overMax.statusCode()).isEqualTo(400);
    assertThat(overMax.body()).contains("\"field\":\"amount\"").contains("Enter 1000 or less.");
    assertThat(notAnOption.body()).contains("\"field\":\"category\"").contains("\"enum\"");
    assertThat(readOnly.body()).contains("\"field\":\"invoiceNumber\"").contains("readonly");
    assertThat(undeclared.body()).contains("\"field\":\"isAdmin\"").contains("undeclared");
    assertThat(nested.statusCode()).isEqualTo(400);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(fixture.task(taskId).id()).isEqualTo(taskId);

    HttpResponse<String> done = client.postJson(taskPath(taskId), action, valid + "}");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"redirect\":\"/app/tasklist?completed\"");
    assertThat(client.get(taskPath(taskId)).statusCode()).isEqualTo(404);
  }

  @Test
  void z2_aUserWithoutAccessToTasklistGetsTheGeneric403Page() {
    TestUser barred = fixture.user(PasswordChange.NOT_REQUIRED);
    TestUser allowed = fixture.user(PasswordChange.NOT_REQUIRED);
    engine
        .authorizationService()
        .createRule(
            TasklistFixture.ADMIN,
            new io.bulwark.engine.api.NewAuthorizationRule(
                "REVOKE", barred.id(), null, "APPLICATION", "tasklist", Set.of("ACCESS")));
    TestHttpClient client = signedIn(barred);
    String taskId = fixture.startClaim();

    HttpResponse<String> list = client.get("/app/tasklist");
    HttpResponse<String> task = client.get(taskPath(taskId));

    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(list.body()).contains("Access denied").doesNotContain("My tasks");
    assertThat(task.statusCode()).isEqualTo(403);
    assertThat(task.body()).doesNotContain("Review expense");
    assertThat(signedIn(allowed).get("/app/tasklist").statusCode())
        .as("the default global rule lets every signed-in user in")
        .isEqualTo(200);
  }

  @Test
  void w10_aSubmissionThatBreaksTheRulesIsRefusedWithTheBrowserChecksBypassed() {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    TestHttpClient client = signedIn(user);
    String taskId = fixture.startClaim();
    client.submit(taskPath(taskId), taskPath(taskId) + "/claim", Map.of());

    Map<String, String> tooMuch = valid();
    tooMuch.put("v.amount", "5000");
    HttpResponse<String> overMax = client.submit(taskPath(taskId), taskPath(taskId), tooMuch);
    Map<String, String> badReference = valid();
    badReference.put("v.reference", "not-a-reference");
    HttpResponse<String> badPattern =
        client.submit(taskPath(taskId), taskPath(taskId), badReference);
    Map<String, String> readOnly = valid();
    readOnly.put("v.customer", "Someone else");
    HttpResponse<String> changedReadOnly =
        client.submit(taskPath(taskId), taskPath(taskId), readOnly);
    Map<String, String> extra = valid();
    extra.put("v.isAdmin", "true");
    HttpResponse<String> undeclared = client.submit(taskPath(taskId), taskPath(taskId), extra);

    assertThat(overMax.statusCode()).isEqualTo(200);
    assertThat(overMax.body()).contains("Enter 1000 or less.").contains("value=\"5000\"");
    assertThat(badPattern.statusCode()).isEqualTo(200);
    assertThat(badPattern.body()).contains("Use the expected format.");
    assertThat(changedReadOnly.statusCode()).isEqualTo(200);
    assertThat(changedReadOnly.body()).contains("This field cannot be changed.");
    assertThat(undeclared.statusCode()).isEqualTo(200);
    assertThat(undeclared.body()).contains("not one of its fields");
    assertThat(fixture.task(taskId).id()).isEqualTo(taskId);

    HttpResponse<String> done = client.submit(taskPath(taskId), taskPath(taskId), valid());
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(TestHttpClient.location(done)).endsWith("/app/tasklist?completed");
  }

  @Test
  void w3_aVariableHoldingScriptRendersAsTextAndPagesAreNotStored() {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    TestHttpClient client = signedIn(user);
    String taskId = fixture.startClaim();
    client.submit(taskPath(taskId), taskPath(taskId) + "/claim", Map.of());

    HttpResponse<String> task = client.get(taskPath(taskId));

    assertThat(task.statusCode()).isEqualTo(200);
    assertThat(task.body())
        .contains("value=\"&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;\"")
        .doesNotContain(TasklistFixture.SCRIPT);
    for (String path :
        new String[] {
          "/app/tasklist", "/app/tasklist?view=group", taskPath(taskId), "/app/tasklist/start"
        }) {
      HttpResponse<String> page = client.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'");
      assertThat(page.body())
          .as(path)
          .doesNotContain("<style", " style=", " onclick=", " onload=", "javascript:")
          .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/app/assets/)")
          .doesNotContainPattern("<script[^>]*>[^<]+</script>");
    }
  }

  @Test
  void listShowsGroupTasksWithFiltersAndBadFilterValuesAreReportedNotFailed() {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    TestHttpClient client = signedIn(user);
    fixture.startClaim();

    HttpResponse<String> group =
        client.get("/app/tasklist?view=group&text=Review&priority=60&sort=dueDate&order=desc");
    HttpResponse<String> none = client.get("/app/tasklist?view=group&priority=71");
    HttpResponse<String> bad = client.get("/app/tasklist?view=group&dueAfter=tomorrow&sort=x;drop");

    assertThat(group.body()).contains("Review expense").contains("aria-sort=\"descending\"");
    assertThat(none.body()).doesNotContain("Review expense");
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("Enter a date as YYYY-MM-DD.").contains("Review expense");
  }

  @Test
  void theAssigneeDelegatesAndTheDelegateResolvesThroughTheForm() {
    TestUser owner = fixture.user(PasswordChange.NOT_REQUIRED);
    TestUser delegate = fixture.outsider(PasswordChange.NOT_REQUIRED);
    TestHttpClient ownerClient = signedIn(owner);
    String taskId = fixture.startClaim();
    ownerClient.submit(taskPath(taskId), taskPath(taskId) + "/claim", Map.of());

    HttpResponse<String> delegated =
        ownerClient.submit(
            taskPath(taskId), taskPath(taskId) + "/delegate", Map.of("delegateTo", delegate.id()));
    TestHttpClient delegateClient = signedIn(delegate);
    HttpResponse<String> mine = delegateClient.get("/app/tasklist");
    HttpResponse<String> resolved =
        delegateClient.submit(taskPath(taskId), taskPath(taskId) + "/resolve", valid());

    assertThat(TestHttpClient.location(delegated)).endsWith("/app/tasklist?delegated");
    assertThat(mine.body()).contains(taskId);
    assertThat(resolved.statusCode())
        .as(() -> resolved.body().replaceAll("(?s).*<main", "<main"))
        .isEqualTo(302);
    assertThat(TestHttpClient.location(resolved)).endsWith("/app/tasklist?resolved");
    assertThat(fixture.task(taskId).assignee()).isEqualTo(owner.id());
    assertThat(fixture.task(taskId).delegationState()).isEqualTo("RESOLVED");
  }

  private String startFormPath() {
    return "/app/tasklist/start/" + fixture.orderDefinitionId();
  }

  @Test
  void w10_aStartSubmissionThatBreaksTheStartFormIsRefusedWithTheBrowserBypassed() {
    TestHttpClient client = signedIn(fixture.user(PasswordChange.NOT_REQUIRED));
    String path = startFormPath();
    long before = fixture.orders();

    HttpResponse<String> tooShort =
        client.submit(path, path, Map.of("v.customerName", "Al", "v.quantity", "5"));
    HttpResponse<String> overMax =
        client.submit(path, path, Map.of("v.customerName", "Alice", "v.quantity", "500"));
    HttpResponse<String> undeclared =
        client.submit(
            path, path, Map.of("v.customerName", "Alice", "v.quantity", "5", "v.isAdmin", "true"));
    // A form-bound process posted to the simple start, bypassing its form, is refused too.
    HttpResponse<String> bypassed =
        client.submit(
            "/app/tasklist/start",
            "/app/tasklist/start",
            Map.of("definitionId", fixture.orderDefinitionId()));

    assertThat(tooShort.statusCode()).isEqualTo(200);
    assertThat(tooShort.body())
        .contains("The process was not started")
        .contains("Use at least 3 characters.")
        .contains("value=\"Al\"");
    assertThat(overMax.body()).contains("Enter 100 or less.").contains("value=\"500\"");
    assertThat(undeclared.body()).contains("not one of its fields");
    assertThat(bypassed.body()).contains("This process has a start form");
    assertThat(fixture.orders()).isEqualTo(before);

    HttpResponse<String> started =
        client.submit(
            path,
            path,
            Map.of("v.customerName", "Alice", "v.quantity", "5", "businessKey", "order-77"));
    assertThat(started.statusCode()).isEqualTo(302);
    assertThat(TestHttpClient.location(started)).endsWith("/app/tasklist/start");
    assertThat(fixture.orders()).isEqualTo(before + 1);
  }

  @Test
  void w2_aStartFormPostWithoutTheCsrfTokenIsRefused() {
    TestHttpClient client = signedIn(fixture.user(PasswordChange.NOT_REQUIRED));
    long before = fixture.orders();

    HttpResponse<String> forged =
        client.post(startFormPath(), Map.of("v.customerName", "Alice", "v.quantity", "5"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(fixture.orders()).isEqualTo(before);
  }

  @Test
  void z3_aUserWhoMayNotStartSeesNeitherTheProcessNorItsStartForm() {
    TestHttpClient stranger = signedIn(fixture.outsider(PasswordChange.NOT_REQUIRED));
    long before = fixture.orders();

    HttpResponse<String> list = stranger.get("/app/tasklist/start");
    HttpResponse<String> theirs = stranger.get(startFormPath());
    HttpResponse<String> missing =
        stranger.get("/app/tasklist/start/order-intake:9:00000000-0000-7000-8000-000000000000");

    assertThat(list.body()).doesNotContain(TasklistFixture.ORDER).doesNotContain("Order intake");
    assertThat(theirs.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(withoutCorrelationId(theirs.body())).isEqualTo(withoutCorrelationId(missing.body()));
    assertThat(theirs.body()).doesNotContain("customerName");
    assertThat(fixture.orders()).isEqualTo(before);
  }

  private static Map<String, String> valid() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("v.amount", "120");
    form.put("v.rate", "1.25");
    form.put("v.reference", "AB-1234");
    form.put("v.receiptSeen", "true");
    form.put("v.paidOn", "2031-04-30");
    form.put("v.decision", "approve");
    form.put("v.note", "");
    return form;
  }

  private static String withoutCorrelationId(String html) {
    return html.replaceAll("<code id=\"correlation-id\">[^<]*</code>", "");
  }
}
