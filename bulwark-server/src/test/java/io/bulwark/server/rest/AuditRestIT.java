package io.bulwark.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * D4 and A7 over real HTTPS: a failed sign-in and an administrator's changes to a group and to the
 * authorization rules are appended to the audit log, which an administrator pages through {@code
 * GET /engine-rest/audit} and which still verifies; a user without READ on AUDIT_LOG gets 403; an
 * unbounded or malformed request is a 400 naming the parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void d4_authenticationEventsAndAdministrationAreInTheAuditLogAndItVerifies() throws Exception {
    String[] admin = rest.newAdmin();
    String[] user = rest.newUser("audited");
    HttpResponse<String> count = rest.send("GET", "/engine-rest/audit/count", admin, null);
    assertThat(count.body()).matches("\\{\"count\":[0-9]+\\}");
    long before = RestTestClient.json(count).get("count").asLong();

    String[] wrong = {user[0], "Wrong-Password-1234"};
    assertThat(rest.send("GET", "/engine-rest/audit", wrong, null).statusCode()).isEqualTo(401);
    String group = "audited-group-" + RestTestClient.suffix();
    assertThat(
            rest.send(
                    "POST",
                    "/engine-rest/group/create",
                    admin,
                    "{\"id\":\"" + group + "\",\"name\":\"Audited\",\"type\":\"WORKFLOW\"}")
                .statusCode())
        .isEqualTo(204);

    HttpResponse<String> rule =
        rest.send(
            "POST",
            "/engine-rest/authorization/create",
            admin,
            "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\""
                + user[0]
                + "\",\"groupId\":null,\"resourceType\":6,\"resourceId\":\"invoice\"}");
    assertThat(rule.statusCode()).isEqualTo(200);
    String ruleId = RestTestClient.json(rule).get("id").asString();

    HttpResponse<String> listed =
        rest.send("GET", "/engine-rest/audit?afterSeq=" + before + "&maxResults=100", admin, null);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body())
        .contains("\"kind\":\"login_failure\",\"subject\":null")
        .contains("\"principal\":\"" + user[0] + "\"")
        .contains("\"reason\":\"wrong_password\"")
        .contains("\"kind\":\"group_created\",\"subject\":\"" + group + "\"")
        .contains("\"kind\":\"rule_created\",\"subject\":\"" + ruleId + "\"")
        .contains("\"prevHash\":\"")
        .doesNotContain("Wrong-Password-1234");
    assertThat(RestTestClient.json(listed).get(0).get("seq").asLong()).isEqualTo(before + 1);

    AuditVerification verified =
        engine.auditService().verify(new Principal(admin[0], Set.of("bulwark-admins")), 1_000_000);
    assertThat(verified.outcome()).isEqualTo(AuditVerification.Outcome.VALID);
  }

  @Test
  void d4_readingTheAuditLogNeedsAGrantAndABoundedPage() throws Exception {
    String[] admin = rest.newAdmin();
    String[] user = rest.newUser("curious");
    assertThat(rest.send("GET", "/engine-rest/audit?maxResults=10", user, null).statusCode())
        .isEqualTo(403);
    assertThat(rest.send("GET", "/engine-rest/audit", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> huge = rest.send("GET", "/engine-rest/audit?maxResults=5000", admin, null);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("maxResults").doesNotContain("Exception");
    HttpResponse<String> word = rest.send("GET", "/engine-rest/audit?afterSeq=abc", admin, null);
    assertThat(word.statusCode()).isEqualTo(400);
    assertThat(word.body()).contains("afterSeq").doesNotContain("Exception");
    HttpResponse<String> negative =
        rest.send("GET", "/engine-rest/audit?afterSeq=-1&maxResults=5", admin, null);
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("afterSeq");
  }
}
