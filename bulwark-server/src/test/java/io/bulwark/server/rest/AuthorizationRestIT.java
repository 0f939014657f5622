package io.bulwark.server.rest;

import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's authorization resource over real HTTPS with the real checker: rules created, listed,
 * counted, changed and deleted in Camunda's shape and numbering (Z2), lockout prevention (Z5), no
 * rule for a deleted ID (Z6), the caller's own check and Bulwark's explain naming the deciding rule
 * (Z8), bounded and validated input (W8, W11). Every answer is checked against Camunda's document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationRestIT {

  private static final String BASE = "/engine-rest/authorization";

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void z2_aRuleIsCreatedListedCountedChangedAndDeletedInCamundasShape() throws Exception {
    String[] admin = rest.newAdmin();
    String[] dora = rest.newUser("dora");
    HttpResponse<String> created =
        rest.send(
            "POST",
            BASE + "/create",
            admin,
            "{\"type\":1,\"permissions\":[\"READ\",\"CREATE_INSTANCE\"],\"userId\":\""
                + dora[0]
                + "\",\"groupId\":null,\"resourceType\":6,\"resourceId\":\"invoice\"}");
    assertThat(created.statusCode()).isEqualTo(200);
    String id = json(created).get("id").asString();
    String shape =
        "{\"id\":\""
            + id
            + "\",\"type\":1,\"permissions\":[\"CREATE_INSTANCE\",\"READ\"],\"userId\":\""
            + dora[0]
            + "\",\"groupId\":null,\"resourceType\":6,\"resourceId\":\"invoice\","
            + "\"removalTime\":null,\"rootProcessInstanceId\":null}";
    assertThat(created.body()).isEqualTo(shape);
    assertThat(rest.send("GET", BASE + "/" + id, admin, null).body()).isEqualTo(shape);
    assertThat(
            rest.send("GET", BASE + "?userIdIn=" + dora[0] + ",nobody&resourceType=6", admin, null)
                .body())
        .isEqualTo("[" + shape + "]");
    assertThat(rest.send("GET", BASE + "/count?userIdIn=" + dora[0], admin, null).body())
        .isEqualTo("{\"count\":1}");
    HttpResponse<String> sorted =
        rest.send(
            "GET",
            BASE + "?groupIdIn=bulwark-admins&sortBy=resourceId&sortOrder=desc&maxResults=2",
            admin,
            null);
    assertThat(json(sorted)).hasSize(2);
    assertThat(json(sorted).get(0).get("groupId").asString()).isEqualTo("bulwark-admins");
    assertThat(json(sorted).get(0).get("permissions").get(0).asString()).isEqualTo("ALL");

    assertThat(
            rest.send(
                    "PUT",
                    BASE + "/" + id,
                    admin,
                    "{\"permissions\":[\"READ_INSTANCE\"],\"userId\":\""
                        + dora[0]
                        + "\",\"resourceId\":\"*\"}")
                .statusCode())
        .isEqualTo(204);
    JsonNode changed = json(rest.send("GET", BASE + "/" + id, admin, null));
    assertThat(changed.get("permissions").toString()).isEqualTo("[\"READ_INSTANCE\"]");
    assertThat(changed.get("resourceType").asInt()).isEqualTo(6);
    assertThat(changed.get("resourceId").asString()).isEqualTo("*");

    assertThat(rest.send("DELETE", BASE + "/" + id, admin, null).statusCode()).isEqualTo(204);
    assertThat(rest.send("GET", BASE + "/" + id, admin, null).statusCode()).isEqualTo(404);
    assertThat(rest.send("DELETE", BASE + "/" + id, admin, null).statusCode()).isEqualTo(404);
  }

  @Test
  void z2_aGlobalRuleNamesUserStarAndBulwarksOwnTypesHaveNumbersFromOneHundred() throws Exception {
    String[] admin = rest.newAdmin();
    String topic = "topic-" + RestTestClient.suffix();
    HttpResponse<String> global =
        rest.send(
            "POST",
            BASE + "/create",
            admin,
            "{\"type\":0,\"permissions\":[\"FETCH_TOPIC\"],\"userId\":\"*\","
                + "\"resourceType\":102,\"resourceId\":\""
                + topic
                + "\"}");
    assertThat(global.statusCode()).isEqualTo(200);
    assertThat(json(global).get("userId").asString()).isEqualTo("*");
    assertThat(json(global).get("type").asInt()).isZero();
    assertThat(json(global).get("resourceType").asInt()).isEqualTo(102);
    rest.send("DELETE", BASE + "/" + json(global).get("id").asString(), admin, null);
  }

  @Test
  void z1_aUserWithoutGrantsSeesNoRulesAndChangesNone() throws Exception {
    String[] eve = rest.newUser("eve");
    assertThat(rest.send("GET", BASE, eve, null).body()).isEqualTo("[]");
    assertThat(rest.send("GET", BASE + "/count", eve, null).body()).isEqualTo("{\"count\":0}");
    HttpResponse<String> create =
        rest.send(
            "POST",
            BASE + "/create",
            eve,
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\""
                + eve[0]
                + "\",\"resourceType\":4,\"resourceId\":\"*\"}");
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(create.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    assertThat(rest.send("GET", BASE + "/bulwark-admins-authorization", eve, null).statusCode())
        .isEqualTo(403);
    assertThat(rest.send("DELETE", BASE + "/bulwark-admins-authorization", eve, null).statusCode())
        .isEqualTo(403);
    assertThat(rest.send("GET", BASE, null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void z8_aUserChecksTheirOwnPermissionAndOnlyAdministratorsAskAboutOthers() throws Exception {
    String[] admin = rest.newAdmin();
    String[] dora = rest.newUser("dora");
    String check =
        BASE + "/check?permissionName=READ&resourceName=Task&resourceType=7&resourceId=t1";
    HttpResponse<String> before = rest.send("GET", check, dora, null);
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body())
        .isEqualTo(
            "{\"permissionName\":\"READ\",\"resourceName\":\"Task\",\"resourceId\":\"t1\","
                + "\"authorized\":false}");
    String grant =
        json(rest.send(
                "POST",
                BASE + "/create",
                admin,
                "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\""
                    + dora[0]
                    + "\",\"resourceType\":7,\"resourceId\":\"*\"}"))
            .get("id")
            .asString();
    assertThat(json(rest.send("GET", check, dora, null)).get("authorized").asBoolean()).isTrue();
    assertThat(rest.send("GET", check + "&userId=" + admin[0], dora, null).statusCode())
        .isEqualTo(403);
    assertThat(
            json(rest.send("GET", check + "&userId=" + dora[0], admin, null))
                .get("authorized")
                .asBoolean())
        .isTrue();

    HttpResponse<String> explained =
        rest.send(
            "GET",
            BASE + "/explain?userId=" + dora[0] + "&permission=READ&resourceType=7&resourceId=t1",
            admin,
            null);
    assertThat(explained.statusCode()).isEqualTo(200);
    JsonNode why = json(explained);
    assertThat(why.get("authorized").asBoolean()).isTrue();
    assertThat(why.get("resourceTypeName").asString()).isEqualTo("TASK");
    assertThat(why.get("rule").asString()).startsWith("grant " + grant + " (user " + dora[0]);
    assertThat(why.get("decidingRule").get("id").asString()).isEqualTo(grant);
    assertThat(why.get("decidingRule").get("userId").asString()).isEqualTo(dora[0]);
    JsonNode denied =
        json(
            rest.send(
                "GET",
                BASE
                    + "/explain?userId="
                    + dora[0]
                    + "&permission=CREATE_INSTANCE&resourceType=PROCESS_DEFINITION",
                admin,
                null));
    assertThat(denied.get("authorized").asBoolean()).isFalse();
    assertThat(denied.get("permission").asString()).isEqualTo("CREATE_INSTANCE");
    assertThat(denied.get("rule").asString()).startsWith("default deny (Z1)");
    assertThat(denied.get("decidingRule").isNull()).isTrue();
    assertThat(
            rest.send(
                    "GET",
                    BASE + "/explain?userId=" + admin[0] + "&permission=READ&resourceType=7",
                    dora,
                    null)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void z5_z6_lockoutAndDeletedIdsAreRefusedWith409() throws Exception {
    String[] admin = rest.newAdmin();
    String all = BASE + "/bulwark-admins-authorization";
    HttpResponse<String> moved =
        rest.send(
            "PUT",
            all,
            admin,
            "{\"groupId\":\"nobody-" + RestTestClient.suffix() + "\"," + "\"resourceId\":\"*\"}");
    assertThat(moved.statusCode()).isEqualTo(409);
    assertThat(moved.body()).contains("Z5");
    assertThat(rest.send("DELETE", all, admin, null).statusCode()).isEqualTo(409);
    assertThat(json(rest.send("GET", all, admin, null)).get("groupId").asString())
        .isEqualTo("bulwark-admins");

    String group = "gone-" + RestTestClient.suffix();
    assertThat(
            rest.send(
                    "POST",
                    "/engine-rest/group/create",
                    admin,
                    "{\"id\":\"" + group + "\",\"name\":\"Gone\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(rest.send("DELETE", "/engine-rest/group/" + group, admin, null).statusCode())
        .isEqualTo(204);
    HttpResponse<String> toDeleted =
        rest.send(
            "POST",
            BASE + "/create",
            admin,
            "{\"type\":1,\"permissions\":[\"READ\"],\"groupId\":\""
                + group
                + "\",\"resourceType\":7,\"resourceId\":\"*\"}");
    assertThat(toDeleted.statusCode()).isEqualTo(409);
    assertThat(toDeleted.body()).contains("Z6");
  }

  @Test
  void w11_badInputIsA400NamingTheField() throws Exception {
    String[] admin = rest.newAdmin();
    String[][] cases = {
      {"POST", BASE + "/create", "{\"type\":7,\"resourceType\":7}", "type"},
      {"POST", BASE + "/create", "{\"permissions\":[\"READ\"],\"resourceType\":7}", "type"},
      {
        "POST",
        BASE + "/create",
        "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"x\",\"resourceType\":3,"
            + "\"resourceId\":\"*\"}",
        "resourceType"
      },
      {
        "POST",
        BASE + "/create",
        "{\"type\":1,\"permissions\":[\"DROP TABLE\"],\"userId\":\"x\",\"resourceType\":7,"
            + "\"resourceId\":\"*\"}",
        "permissions"
      },
      {
        "POST",
        BASE + "/create",
        "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"*\",\"resourceType\":7,"
            + "\"resourceId\":\"*\"}",
        "userId"
      },
      {"GET", BASE + "?maxResults=5000", null, "maxResults"},
      {"GET", BASE + "?sortBy=id%3Bdrop", null, "sortBy"},
      {"GET", BASE + "?type=9", null, "type"},
      {"GET", BASE + "/count?resourceType=abc", null, "resourceType"},
      {"GET", BASE + "/check?permissionName=READ&resourceType=7", null, "resourceName"},
      {"GET", BASE + "/explain?permission=READ&resourceType=7", null, "userId"},
      {"GET", BASE + "/explain?userId=x&permission=READ&resourceType=TASKS", null, "resourceType"},
    };
    for (String[] c : cases) {
      HttpResponse<String> answer = rest.send(c[0], c[1], admin, c[2]);
      assertThat(answer.statusCode()).as(c[1] + " " + c[2]).isEqualTo(400);
      assertThat(answer.body()).as(c[1]).contains(c[3]).doesNotContain("Exception");
    }
  }

  @Test
  void z2_optionsListTheOperationsTheCallerMayUse() throws Exception {
    String[] admin = rest.newAdmin();
    String[] eve = rest.newUser("eve");
    assertThat(rest.send("OPTIONS", BASE, admin, null).body())
        .contains("\"rel\":\"create\"")
        .contains("\"href\":\"/engine-rest/authorization/count\"");
    assertThat(rest.send("OPTIONS", BASE, eve, null).body())
        .contains("\"rel\":\"list\"")
        .doesNotContain("create");
    assertThat(rest.send("OPTIONS", BASE + "/bulwark-admins-task", admin, null).body())
        .isEqualTo(
            "{\"links\":[{\"method\":\"GET\",\"href\":\"/engine-rest/authorization/"
                + "bulwark-admins-task\",\"rel\":\"self\"},{\"method\":\"DELETE\",\"href\":"
                + "\"/engine-rest/authorization/bulwark-admins-task\",\"rel\":\"delete\"},"
                + "{\"method\":\"PUT\",\"href\":\"/engine-rest/authorization/bulwark-admins-task\","
                + "\"rel\":\"update\"}]}");
    assertThat(rest.send("OPTIONS", BASE + "/bulwark-admins-task", eve, null).body())
        .isEqualTo("{\"links\":[]}");
  }
}
