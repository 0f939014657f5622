package io.bulwark.server.location;

import static io.bulwark.server.auth.AuthLogLines.entry;
import static io.bulwark.server.location.LocationClient.RULES;
import static io.bulwark.server.rest.RestTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.auth.AuthEventLog;
import io.bulwark.server.auth.TestHttpClient;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Location rules over real HTTPS (Z4): managed through {@code /engine-rest/location-rule}, applied
 * to the API and the web apps on the next request with {@code ?}, {@code *}, {@code @}, user and
 * group rules, first match and the implicit deny; explain (Z8); lockout refused (Z5); a denial is
 * an A7 event naming the rule. Each test removes its rules again: the server is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocationRuleRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  LocationClient rest;

  @BeforeEach
  void connect() {
    rest = new LocationClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void z4_rulesAreListedInsertedChangedReorderedDeletedAndExplained() throws Exception {
    String[] admin = rest.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
    String[] dora = rest.newUser("dora");
    JsonNode defaults = json(rest.send("GET", RULES, admin, null));
    assertThat(defaults.get(0).toString())
        .isEqualTo(
            "{\"id\":\"public-home\",\"position\":0,\"pattern\":\"/\",\"access\":\"ALLOW\","
                + "\"principal\":\"*\"}");
    int size = defaults.size();

    String id =
        rest.insert(admin, 1, "/engine-rest/z4-" + dora[0] + "/**", "DENY", "user:" + dora[0]);
    try {
      JsonNode listed = json(rest.send("GET", RULES, admin, null));
      assertThat(listed).hasSize(size + 1);
      assertThat(listed.get(1).get("id").asString()).isEqualTo(id);
      assertThat(
              rest.send(
                      "PUT",
                      RULES + "/" + id,
                      admin,
                      "{\"pattern\":\"/engine-rest/z4/*\",\"access\":\"allow\",\"principal\":\"@\"}")
                  .statusCode())
          .isEqualTo(204);
      List<String> order = new ArrayList<>();
      listed.forEach(rule -> order.add(rule.get("id").asString()));
      order.remove(id);
      order.add(id);
      HttpResponse<String> reordered =
          rest.send(
              "POST",
              RULES + "/reorder",
              admin,
              "{\"ruleIds\":[\"" + String.join("\",\"", order) + "\"]}");
      assertThat(reordered.statusCode()).isEqualTo(200);
      assertThat(json(reordered).get(size).toString())
          .isEqualTo(
              "{\"id\":\""
                  + id
                  + "\",\"position\":"
                  + size
                  + ",\"pattern\":\"/engine-rest/z4/*\",\"access\":\"ALLOW\",\"principal\":\"@\"}");

      JsonNode explained =
          json(
              rest.send(
                  "GET",
                  RULES + "/explain?userId=" + dora[0] + "&path=/engine-rest/task",
                  admin,
                  null));
      assertThat(explained.get("authorized").asBoolean()).isTrue();
      assertThat(explained.get("rule").asString()).contains("integration-api");
      assertThat(explained.get("decidingRule").get("id").asString()).isEqualTo("integration-api");
      JsonNode anonymous = json(rest.send("GET", RULES + "/explain?path=/app/", admin, null));
      assertThat(anonymous.get("authorized").asBoolean()).isFalse();
      assertThat(anonymous.get("rule").asString()).contains("implicit deny");
      assertThat(anonymous.get("decidingRule").isNull()).isTrue();
    } finally {
      assertThat(rest.send("DELETE", RULES + "/" + id, admin, null).statusCode()).isEqualTo(204);
    }
    assertThat(rest.send("DELETE", RULES + "/" + id, admin, null).statusCode()).isEqualTo(404);
    assertThat(json(rest.send("GET", RULES, admin, null))).isEqualTo(defaults);
  }

  @Test
  void z4_badInputIsAProblemNamingTheFieldAndOnlyAdministratorsManageRules() throws Exception {
    String[] admin = rest.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
    String[] dora = rest.newUser("dora");
    HttpResponse<String> badPattern =
        rest.send(
            "POST", RULES, admin, "{\"pattern\":\"app\",\"access\":\"ALLOW\",\"principal\":\"*\"}");
    assertThat(badPattern.statusCode()).isEqualTo(400);
    assertThat(badPattern.body()).contains("pattern");
    HttpResponse<String> badAccess =
        rest.send(
            "POST", RULES, admin, "{\"pattern\":\"/x\",\"access\":\"MAYBE\",\"principal\":\"*\"}");
    assertThat(badAccess.statusCode()).isEqualTo(400);
    assertThat(badAccess.body()).contains("access");
    HttpResponse<String> badPrincipal =
        rest.send(
            "POST", RULES, admin, "{\"pattern\":\"/x\",\"access\":\"DENY\",\"principal\":\"'--\"}");
    assertThat(badPrincipal.statusCode()).isEqualTo(400);
    assertThat(badPrincipal.body()).contains("principal").doesNotContain("'--");
    HttpResponse<String> badPosition =
        rest.send(
            "POST",
            RULES,
            admin,
            "{\"pattern\":\"/x\",\"access\":\"DENY\",\"principal\":\"*\",\"position\":100000}");
    assertThat(badPosition.statusCode()).isEqualTo(400);
    assertThat(badPosition.body()).contains("position");

    assertThat(rest.send("GET", RULES, dora, null).statusCode()).isEqualTo(403);
    assertThat(rest.send("GET", RULES, null, null).statusCode()).isEqualTo(401);
    assertThat(
            rest.send(
                    "POST",
                    RULES,
                    dora,
                    "{\"pattern\":\"/x\",\"access\":\"DENY\",\"principal\":\"*\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void z5_aChangeThatLocksTheAdministratorsOutIsRefusedWith409() throws Exception {
    String[] admin = rest.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
    JsonNode before = json(rest.send("GET", RULES, admin, null));
    HttpResponse<String> lockout =
        rest.send(
            "POST",
            RULES,
            admin,
            "{\"pattern\":\"/engine-rest/**\",\"access\":\"DENY\",\"principal\":\"@\",\"position\":0}");
    assertThat(lockout.statusCode()).isEqualTo(409);
    assertThat(lockout.body()).contains("Z5");
    assertThat(rest.send("DELETE", RULES + "/integration-api", admin, null).statusCode())
        .isEqualTo(409);
    assertThat(json(rest.send("GET", RULES, admin, null))).isEqualTo(before);
  }

  @Test
  void z4_userAndGroupRulesOnTheApiDecideByFirstMatchOnTheNextRequest() throws Exception {
    ListAppender<ILoggingEvent> log = captureAuthLog();
    String[] admin = rest.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
    String clerks = rest.newGroup("clerks");
    String[] dora = rest.newUser("dora");
    String[] otto = rest.newUser("otto", clerks);
    String[] ida = rest.newUser("ida", clerks);
    String path = "/engine-rest/process-definition";
    assertThat(rest.send("GET", path, ida, null).statusCode()).isEqualTo(200);

    String denyClerks = rest.insert(admin, 0, path + "/**", "DENY", "group:" + clerks);
    String allowOtto = rest.insert(admin, 0, path, "ALLOW", "user:" + otto[0]);
    try {
      HttpResponse<String> denied = rest.send("GET", path, ida, null);
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(denied.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(rest.send("GET", path, otto, null).statusCode()).isEqualTo(200);
      assertThat(rest.send("GET", path + "/count", otto, null).statusCode()).isEqualTo(403);
      assertThat(rest.send("GET", path, dora, null).statusCode()).isEqualTo(200);

      rest.send("DELETE", RULES + "/" + allowOtto, admin, null);
      assertThat(rest.send("GET", path, otto, null).statusCode()).isEqualTo(403);
      List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(lines)
          .anyMatch(
              entry("event", "access_denied", "principal", ida[0], "resource", path)
                  .and(line -> line.contains("location rule " + denyClerks)));
    } finally {
      ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).detachAppender(log);
      rest.send("DELETE", RULES + "/" + allowOtto, admin, null);
      rest.send("DELETE", RULES + "/" + denyClerks, admin, null);
    }
    assertThat(rest.send("GET", path, ida, null).statusCode()).isEqualTo(200);
  }

  @Test
  void z4_anonymousEveryoneAndAuthenticatedRulesOnTheWebApps() throws Exception {
    String[] admin = rest.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
    String[] dora = rest.newUser("dora");
    String page = "/app/account/lost-password";
    TestHttpClient anonymous = new TestHttpClient(rest.server().uri("/"));
    TestHttpClient signedIn = new TestHttpClient(rest.server().uri("/"));
    signedIn.signIn(dora[0], dora[1]);
    assertThat(anonymous.get(page).statusCode()).isEqualTo(200);
    assertThat(signedIn.get(page).statusCode()).isEqualTo(200);

    String rule = rest.insert(admin, 0, page, "DENY", "?");
    try {
      HttpResponse<String> toLogin = anonymous.get(page);
      assertThat(toLogin.statusCode()).isEqualTo(302);
      assertThat(TestHttpClient.location(toLogin)).endsWith("/app/login");
      assertThat(signedIn.get(page).statusCode()).isEqualTo(200);

      change(admin, rule, page, "DENY", "*");
      assertThat(anonymous.get(page).statusCode()).isEqualTo(302);
      assertThat(signedIn.get(page).statusCode()).isEqualTo(403);

      change(admin, rule, page, "DENY", "@");
      assertThat(anonymous.get(page).statusCode()).isEqualTo(200);
      assertThat(signedIn.get(page).statusCode()).isEqualTo(403);
      assertThat(signedIn.get("/app/").statusCode()).isEqualTo(200);
    } finally {
      rest.send("DELETE", RULES + "/" + rule, admin, null);
    }
    assertThat(signedIn.get(page).statusCode()).isEqualTo(200);
  }

  @Test
  void z4_aLocationNoRuleCoversMeetsTheImplicitDeny() throws Exception {
    String[] admin = rest.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
    String internal = "{\"pattern\":\"/internal/**\",\"access\":\"ALLOW\",\"principal\":\"@\"}";
    int before = rest.send("GET", "/internal/", admin, null).statusCode();
    assertThat(before).isNotEqualTo(403);
    try {
      assertThat(
              rest.send(
                      "PUT",
                      RULES + "/internal-services",
                      admin,
                      "{\"pattern\":\"/internal/z4-none/**\",\"access\":\"ALLOW\",\"principal\":\"@\"}")
                  .statusCode())
          .isEqualTo(204);
      assertThat(rest.send("GET", "/internal/", admin, null).statusCode()).isEqualTo(403);
    } finally {
      rest.send("PUT", RULES + "/internal-services", admin, internal);
    }
    assertThat(rest.send("GET", "/internal/", admin, null).statusCode()).isEqualTo(before);
  }

  private void change(String[] admin, String id, String pattern, String access, String principal)
      throws Exception {
    HttpResponse<String> changed =
        rest.send("PUT", RULES + "/" + id, admin, LocationClient.body(pattern, access, principal));
    assertThat(changed.statusCode()).isEqualTo(204);
  }

  private static ListAppender<ILoggingEvent> captureAuthLog() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(AuthEventLog.LOGGER_NAME)).addAppender(appender);
    return appender;
  }
}
