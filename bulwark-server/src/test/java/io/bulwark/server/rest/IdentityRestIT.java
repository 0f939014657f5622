package io.bulwark.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Camunda 7's user, group and tenant resources over real HTTPS to the running server: shapes and
 * status codes, the tombstones of deleted IDs (Z6), the ID pattern (Z7), paging limits (W8), the
 * one-time password gate (A2) and the interim administrator guard. Every answer is checked against
 * Camunda's OpenAPI document ({@link CamundaOpenApi}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityRestIT {

  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String PROBLEM = "application/problem+json;charset=UTF-8";

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  ServerEndpoint server;
  HttpClient client;
  String[] admin;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
    admin = newUser("admin", PasswordChange.NOT_REQUIRED);
    engine.identityService().addMembership(SETUP, admin[0], IdentityService.ADMINISTRATORS_GROUP);
  }

  @Test
  void a1_identityResourcesRequireAuthentication() throws Exception {
    for (String path : new String[] {"/engine-rest/user", "/engine-rest/group/count"}) {
      HttpResponse<String> answer = send("GET", path, null, null);
      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    }
  }

  @Test
  void z6_userLifecycleWithTombstoneAndPurge() throws Exception {
    String id = "u-" + suffix();
    HttpResponse<String> created =
        send(
            "POST",
            "/engine-rest/user/create",
            admin,
            "{\"profile\":{\"id\":\""
                + id
                + "\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
                + "\"email\":\"ada@example.org\"},"
                + "\"credentials\":{\"password\":\"Tq7!analytical engine\",\"temporary\":false}}");
    assertThat(created.statusCode()).isEqualTo(204);
    HttpResponse<String> profile = send("GET", "/engine-rest/user/" + id + "/profile", admin, null);
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body())
        .contains("\"id\":\"" + id + "\"")
        .contains("\"firstName\":\"Ada\"")
        .contains("\"lastName\":\"Lovelace\"")
        .contains("\"email\":\"ada@example.org\"")
        .contains("\"displayName\":\"Ada Lovelace\"")
        .doesNotContain("password");

    assertThat(
            send(
                    "PUT",
                    "/engine-rest/user/" + id + "/profile",
                    admin,
                    "{\"id\":\""
                        + id
                        + "\",\"firstName\":\"Augusta\",\"lastName\":\"King\","
                        + "\"email\":\"augusta@example.org\"}")
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> list =
        send(
            "GET",
            "/engine-rest/user?firstNameLike=Aug%25&sortBy=lastName&sortOrder=desc",
            admin,
            null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).startsWith("[{").contains("\"email\":\"augusta@example.org\"");
    assertThat(send("GET", "/engine-rest/user/count?id=" + id, admin, null).body())
        .isEqualTo("{\"count\":1}");

    String[] self = {id, "Tq7!analytical engine"};
    assertThat(send("GET", "/engine-rest/user/" + id + "/profile", self, null).statusCode())
        .isEqualTo(200);
    assertThat(send("POST", "/engine-rest/user/" + id + "/disable", admin, null).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/engine-rest/user/" + id + "/profile", self, null).statusCode())
        .isEqualTo(401);
    assertThat(send("POST", "/engine-rest/user/" + id + "/enable", admin, null).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/engine-rest/user/" + id + "/profile", self, null).statusCode())
        .isEqualTo(200);

    assertThat(send("DELETE", "/engine-rest/user/" + id, admin, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/engine-rest/user/" + id + "/profile", admin, null).statusCode())
        .isEqualTo(404);
    assertThat(send("DELETE", "/engine-rest/user/" + id, admin, null).statusCode()).isEqualTo(404);
    HttpResponse<String> again = createUser(id, admin);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(again.body()).contains("Z6").contains("deleted-id-not-reused").contains(id);

    assertThat(
            send("DELETE", "/engine-rest/identity/deleted-ids/user/" + id, admin, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(createUser(id, admin).statusCode()).isEqualTo(204);
    assertThat(createUser(id, admin).body()).contains("exists");
  }

  @Test
  void z6_a7_groupsMembersAndDeletionLogged() throws Exception {
    String group = "g-" + suffix();
    String[] member = newUser("member", PasswordChange.NOT_REQUIRED);
    assertThat(
            send(
                    "POST",
                    "/engine-rest/group/create",
                    admin,
                    "{\"id\":\"" + group + "\",\"name\":\"Clerks\",\"type\":\"WORKFLOW\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/engine-rest/group/" + group, admin, null).body())
        .isEqualTo("{\"id\":\"" + group + "\",\"name\":\"Clerks\",\"type\":\"WORKFLOW\"}");
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/group/" + group,
                    admin,
                    "{\"id\":\"" + group + "\",\"name\":\"Chief clerks\",\"type\":\"WORKFLOW\"}")
                .statusCode())
        .isEqualTo(204);
    String members = "/engine-rest/group/" + group + "/members/" + member[0];
    assertThat(send("PUT", members, admin, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/engine-rest/group?member=" + member[0], admin, null).body())
        .isEqualTo("[{\"id\":\"" + group + "\",\"name\":\"Chief clerks\",\"type\":\"WORKFLOW\"}]");
    assertThat(send("GET", "/engine-rest/user/count?memberOfGroup=" + group, admin, null).body())
        .isEqualTo("{\"count\":1}");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger events = (Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME);
    events.addAppender(log);
    try {
      assertThat(send("DELETE", members, admin, null).statusCode()).isEqualTo(204);
      assertThat(send("DELETE", members, admin, null).statusCode()).isEqualTo(404);
      assertThat(send("PUT", members, admin, null).statusCode()).isEqualTo(204);

      assertThat(send("DELETE", "/engine-rest/group/" + group, admin, null).statusCode())
          .isEqualTo(204);
    } finally {
      events.detachAppender(log);
    }
    // A7: membership and group changes are authentication events naming who made them.
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(line -> line.contains("\"principal\":\"" + admin[0] + "\""))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"event\":\"membership_removed\"", "\"user\":\"" + member[0]))
        .anySatisfy(line -> assertThat(line).contains("\"event\":\"membership_added\""))
        .anySatisfy(
            line ->
                assertThat(line).contains("\"event\":\"group_deleted\"", "\"group\":\"" + group));
    assertThat(send("GET", "/engine-rest/user/count?memberOfGroup=" + group, admin, null).body())
        .isEqualTo("{\"count\":0}");
    HttpResponse<String> again =
        send(
            "POST",
            "/engine-rest/group/create",
            admin,
            "{\"id\":\"" + group + "\",\"name\":\"X\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("Z6");
  }

  @Test
  void tenantsWithUserAndGroupMembers() throws Exception {
    String tenant = "t-" + suffix();
    String group = "tg-" + suffix();
    String[] member = newUser("tm", PasswordChange.NOT_REQUIRED);
    assertThat(
            send(
                    "POST",
                    "/engine-rest/tenant/create",
                    admin,
                    "{\"id\":\"" + tenant + "\",\"name\":\"North\"}")
                .statusCode())
        .isEqualTo(204);
    send("POST", "/engine-rest/group/create", admin, "{\"id\":\"" + group + "\",\"name\":\"G\"}");
    send("PUT", "/engine-rest/group/" + group + "/members/" + member[0], admin, null);
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/tenant/" + tenant,
                    admin,
                    "{\"id\":\"" + tenant + "\",\"name\":\"Northern\"}")
                .statusCode())
        .isEqualTo(204);
    String groupMember = "/engine-rest/tenant/" + tenant + "/group-members/" + group;
    assertThat(send("PUT", groupMember, admin, null).statusCode()).isEqualTo(204);
    String expected = "[{\"id\":\"" + tenant + "\",\"name\":\"Northern\"}]";
    assertThat(send("GET", "/engine-rest/tenant?userMember=" + member[0], admin, null).body())
        .isEqualTo("[]");
    assertThat(
            send(
                    "GET",
                    "/engine-rest/tenant?userMember=" + member[0] + "&includingGroupsOfUser=true",
                    admin,
                    null)
                .body())
        .isEqualTo(expected);
    String userMember = "/engine-rest/tenant/" + tenant + "/user-members/" + member[0];
    assertThat(send("PUT", userMember, admin, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/engine-rest/tenant?userMember=" + member[0], admin, null).body())
        .isEqualTo(expected);
    assertThat(send("GET", "/engine-rest/tenant/count?groupMember=" + group, admin, null).body())
        .isEqualTo("{\"count\":1}");
    assertThat(send("DELETE", userMember, admin, null).statusCode()).isEqualTo(204);
    assertThat(send("DELETE", groupMember, admin, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/engine-rest/tenant/" + tenant, admin, null).body())
        .isEqualTo("{\"id\":\"" + tenant + "\",\"name\":\"Northern\"}");
    assertThat(send("DELETE", "/engine-rest/tenant/" + tenant, admin, null).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/engine-rest/tenant/" + tenant, admin, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void z7_idsOutsideThePatternAreA400NamingTheField() throws Exception {
    HttpResponse<String> group =
        send("POST", "/engine-rest/group/create", admin, "{\"id\":\"two words\",\"name\":\"G\"}");
    assertProblem(group, 400, "groupId");
    assertThat(group.body()).contains("Z7").doesNotContain("two words");
    assertProblem(createUser("-dash-first", admin), 400, "userId");
    assertProblem(
        send(
            "POST",
            "/engine-rest/tenant/create",
            admin,
            "{\"id\":\"" + "x".repeat(65) + "\",\"name\":\"T\"}"),
        400,
        "tenantId");
    assertProblem(send("GET", "/engine-rest/user/-x/profile", admin, null), 400, "userId");
  }

  @Test
  void z9_profileCarriesLocaleAndTimeZoneCheckedNamingTheField() throws Exception {
    String id = "z9-" + suffix();
    assertThat(createUser(id, admin).statusCode()).isEqualTo(204);
    String path = "/engine-rest/user/" + id + "/profile";

    HttpResponse<String> put =
        send(
            "PUT",
            path,
            admin,
            "{\"id\":\"" + id + "\",\"locale\":\"de-CH\",\"timeZone\":\"Europe/Zurich\"}");
    HttpResponse<String> badZone =
        send("PUT", path, admin, "{\"id\":\"" + id + "\",\"timeZone\":\"Mars/Olympus\"}");
    HttpResponse<String> badLocale =
        send("PUT", path, admin, "{\"id\":\"" + id + "\",\"locale\":\"de_CH\"}");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    assertProblem(badZone, 400, "timeZone");
    assertProblem(badLocale, 400, "locale");
    assertThat(send("GET", path, admin, null).body())
        .contains("\"locale\":\"de-CH\"", "\"timeZone\":\"Europe/Zurich\"");
  }

  @Test
  void w8_pagingAndSortingAreCheckedNamingTheParameter() throws Exception {
    assertProblem(send("GET", "/engine-rest/user?firstResult=-1", admin, null), 400, "firstResult");
    assertProblem(send("GET", "/engine-rest/user?maxResults=2001", admin, null), 400, "maxResults");
    assertProblem(send("GET", "/engine-rest/group?maxResults=0", admin, null), 400, "maxResults");
    assertProblem(
        send("GET", "/engine-rest/tenant?maxResults=many", admin, null), 400, "maxResults");
    assertProblem(send("GET", "/engine-rest/user?sortBy=password", admin, null), 400, "sortBy");
    assertProblem(send("GET", "/engine-rest/user?sortOrder=up", admin, null), 400, "sortOrder");
    HttpResponse<String> page =
        send("GET", "/engine-rest/user?firstResult=0&maxResults=1&sortBy=userId", admin, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).startsWith("[{\"id\":").doesNotContain("},{");
  }

  @Test
  void badBodiesAreA400WithoutDetailsOfTheParser() throws Exception {
    assertProblem(send("POST", "/engine-rest/group/create", admin, "{\"id\":"), 400, "JSON");
    assertProblem(
        send("POST", "/engine-rest/user/create", admin, "{\"profile\":{\"id\":\"x1\"}}"),
        400,
        "credentials");
    assertProblem(
        send("PUT", "/engine-rest/user/" + admin[0] + "/profile", admin, "{\"id\":\"other\"}"),
        400,
        "IDs never change");
  }

  @Test
  void a2_aUserWithAOneTimePasswordMayOnlyChangeIt() throws Exception {
    String id = "otp-" + suffix();
    assertThat(createUser(id, admin).statusCode()).isEqualTo(204);
    String[] user = {id, "Tq7!first password here"};

    for (String[] request :
        new String[][] {
          {"GET", "/engine-rest/user/" + id + "/profile"},
          {"POST", "/engine-rest/identity/token"},
          {"GET", "/engine-rest/user"},
        }) {
      HttpResponse<String> answer = send(request[0], request[1], user, null);
      assertProblem(answer, 403, "one-time password must be changed first");
    }
    assertProblem(
        send(
            "PUT",
            "/engine-rest/user/" + admin[0] + "/credentials",
            user,
            "{\"password\":\"Tq7!stolen admin pass\",\"authenticatedUserPassword\":\""
                + user[1]
                + "\"}"),
        403,
        "one-time password");
    assertProblem(
        send(
            "PUT",
            "/engine-rest/user/" + id + "/credentials",
            user,
            "{\"password\":\"Tq7!my own choice now\",\"authenticatedUserPassword\":\"wrong one here\"}"),
        400,
        "authenticatedUserPassword");
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/user/" + id + "/credentials",
                    user,
                    "{\"password\":\"Tq7!my own choice now\",\"authenticatedUserPassword\":\""
                        + user[1]
                        + "\"}")
                .statusCode())
        .isEqualTo(204);
    String[] changed = {id, "Tq7!my own choice now"};
    assertThat(send("GET", "/engine-rest/user/" + id + "/profile", changed, null).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/engine-rest/user/" + id + "/profile", user, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void a2_anAdministratorSetsAOneTimePasswordConfirmingTheirOwn() throws Exception {
    String[] user = newUser("reset", PasswordChange.NOT_REQUIRED);
    String path = "/engine-rest/user/" + user[0] + "/credentials";
    assertProblem(
        send(
            "PUT",
            path,
            admin,
            "{\"password\":\"Tq7!set by the admin\",\"authenticatedUserPassword\":\"not mine\"}"),
        400,
        "authenticatedUserPassword");
    assertThat(
            send(
                    "PUT",
                    path,
                    admin,
                    "{\"password\":\"Tq7!set by the admin\",\"authenticatedUserPassword\":\""
                        + admin[1]
                        + "\"}")
                .statusCode())
        .isEqualTo(204);
    String[] reset = {user[0], "Tq7!set by the admin"};
    assertProblem(
        send("GET", "/engine-rest/user/" + user[0] + "/profile", reset, null),
        403,
        "one-time password");
  }

  @Test
  void interimGuard_nonAdministratorsMayOnlyReadTheirProfileAndChangeTheirPassword()
      throws Exception {
    String[] user = newUser("plain", PasswordChange.NOT_REQUIRED);
    String[][] refused = {
      {"GET", "/engine-rest/user"},
      {"GET", "/engine-rest/user/count"},
      {"GET", "/engine-rest/user/" + admin[0] + "/profile"},
      {"PUT", "/engine-rest/user/" + user[0] + "/profile"},
      {"DELETE", "/engine-rest/user/" + admin[0]},
      {"POST", "/engine-rest/user/" + user[0] + "/enable"},
      {"POST", "/engine-rest/group/create"},
      {"GET", "/engine-rest/group"},
      {"PUT", "/engine-rest/group/bulwark-admins/members/" + user[0]},
      {"GET", "/engine-rest/tenant"},
      {"DELETE", "/engine-rest/identity/deleted-ids/user/x"},
    };
    for (String[] request : refused) {
      String body = request[0].equals("PUT") || request[0].equals("POST") ? "{}" : null;
      HttpResponse<String> answer = send(request[0], request[1], user, body);
      assertProblem(answer, 403, "limited to members of bulwark-admins");
    }
    assertThat(engine.identityService().getUser(SETUP, user[0]).disabled()).isFalse();
    assertThat(send("GET", "/engine-rest/user/" + user[0] + "/profile", user, null).statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    "PUT",
                    "/engine-rest/user/" + user[0] + "/credentials",
                    user,
                    "{\"password\":\"Tq7!a fresh choice\",\"authenticatedUserPassword\":\""
                        + user[1]
                        + "\"}")
                .statusCode())
        .isEqualTo(204);
  }

  private void assertProblem(HttpResponse<String> answer, int status, String detail) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(answer.body()).contains(detail).doesNotContain("Exception").doesNotContain("at io.");
  }

  private HttpResponse<String> createUser(String id, String[] as) throws Exception {
    return send(
        "POST",
        "/engine-rest/user/create",
        as,
        "{\"profile\":{\"id\":\""
            + id
            + "\",\"firstName\":\"Test\"},\"credentials\":{\"password\":\"Tq7!first password here\"}}");
  }

  private HttpResponse<String> send(String method, String path, String[] user, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> answer =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // Every answer of this test, errors included, is one Camunda's document allows (issue 14).
    CamundaOpenApi.get().assertConforms(method, path, answer);
    return answer;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a user through the engine; returns its ID and password. */
  private String[] newUser(String prefix, PasswordChange passwordChange) {
    String id = prefix + "-" + suffix();
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(SETUP, new NewUser(id, "Test " + id, secret, passwordChange));
    }
    return new String[] {id, password};
  }
}
