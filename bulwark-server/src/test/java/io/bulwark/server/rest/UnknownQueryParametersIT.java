package io.bulwark.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.server.rest.contract.CamundaOpenApi;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler of the integration API refuses a query parameter it does not take, and a repeated
 * one, with a 400 naming it (W11; README difference {@code unknown-filters-refused}); every query
 * parameter Camunda's document gives a {@code GET} operation is either served or refused by name,
 * never silently ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnknownQueryParametersIT {

  private static final String REFUSED = " is not a parameter of this resource";

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;
  String[] admin;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
    admin = rest.newAdmin();
  }

  @Test
  void w11_everyGetEndpointRefusesAnUnknownParameterByName() throws Exception {
    List<String> paths = getPaths();
    assertThat(paths).hasSizeGreaterThan(50).contains("/engine-rest/process-definition/count");
    for (String path : paths) {
      HttpResponse<String> answer = send(concrete(path) + "?bogusParam=1");
      assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(400);
      assertThat(detail(answer)).as(path).startsWith("bogusParam" + REFUSED);
    }
  }

  @Test
  void w11_unknownParametersOfRecordBoundListsAreRefusedAndKnownOnesServed() throws Exception {
    String[][] refused = {
      {"/engine-rest/process-definition?startableBy=anna", "startableBy"},
      {"/engine-rest/deployment/count?withoutTenantId=true", "withoutTenantId"},
      {"/engine-rest/user?potentialStarter=x", "potentialStarter"},
      {"/engine-rest/group/count?memberLike=x", "memberLike"},
      {"/engine-rest/authorization?id=x&resourceIdLike=y", "resourceIdLike"},
      {"/engine-rest/tenant?userMemberLike=x", "userMemberLike"},
      {"/engine-rest/process-instance?variables=a_eq_b", "variables"},
      {"/engine-rest/audit?kind=LOGIN", "kind"},
      {"/engine-rest/job?timers=true", "timers"},
      {"/engine-rest/external-task?processVariables=a_eq_b", "processVariables"},
      {"/engine-rest/task?processVariables=a_eq_b", "processVariables"},
      {"/engine-rest/process-instance/x?deleteReason=y", "deleteReason"},
      {"/engine-rest/task/x/form-variables?variableNames=a", "variableNames"},
    };
    for (String[] call : refused) {
      HttpResponse<String> answer = send(call[0]);
      assertThat(answer.statusCode()).as(call[0]).isEqualTo(400);
      assertThat(detail(answer)).as(call[0]).startsWith(call[1] + REFUSED).doesNotContain("anna");
    }
    HttpResponse<String> repeated = send("/engine-rest/process-definition?key=a&key=b");
    assertThat(repeated.statusCode()).isEqualTo(400);
    assertThat(detail(repeated)).isEqualTo("query parameter key may be given once (W11)");
    HttpResponse<String> hostile = send("/engine-rest/user?%3Cscript%3E=1");
    assertThat(hostile.statusCode()).isEqualTo(400);
    assertThat(hostile.body()).doesNotContain("script");

    for (String served :
        List.of(
            "/engine-rest/process-definition?key=a&latestVersion=true&sortBy=id&sortOrder=desc",
            "/engine-rest/deployment/count?nameLike=a%25",
            "/engine-rest/user?firstNameLike=A%25&maxResults=5",
            "/engine-rest/group/count?member=" + admin[0],
            "/engine-rest/process-instance?businessKey=b&firstResult=0&maxResults=10",
            "/engine-rest/authorization/count?userIdIn=" + admin[0],
            "/engine-rest/engine")) {
      assertThat(send(served).statusCode()).as(served).isEqualTo(200);
    }
  }

  /**
   * For every Bulwark {@code GET} operation Camunda documents, each of Camunda's query parameters
   * is served (an answer other than 400, or a 400 about its value) or refused naming it.
   */
  @Test
  void w11_camundasDocumentedParametersAreServedOrRefusedByName() throws Exception {
    Map<String, List<String>> refusedByPath = new TreeMap<>();
    int served = 0;
    for (var handler : getHandlers().entrySet()) {
      String path = handler.getKey();
      Optional<Set<String>> declared = QueryParameterCheck.declaredNames(handler.getValue());
      for (var parameter : CamundaOpenApi.get().queryParameters("GET", path).entrySet()) {
        String name = parameter.getKey();
        String query =
            name + "=" + URLEncoder.encode(sample(parameter.getValue()), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(concrete(path) + "?" + query);
        assertThat(answer.statusCode()).as(path + "?" + query).isNotEqualTo(500);
        boolean refused = answer.statusCode() == 400 && detail(answer).contains(REFUSED);
        if (refused) {
          assertThat(detail(answer)).as(path + "?" + query).startsWith(name + REFUSED);
          refusedByPath.computeIfAbsent(path, p -> new ArrayList<>()).add(name);
        } else {
          served++;
        }
        declared.ifPresent(
            names -> assertThat(refused).as(path + "?" + query).isEqualTo(!names.contains(name)));
      }
    }
    assertThat(served).isGreaterThan(100);
    assertThat(refusedByPath)
        .containsKey("/engine-rest/process-definition")
        .containsKey("/engine-rest/history/process-instance");
  }

  private HttpResponse<String> send(String path) throws Exception {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> answer = rest.send("GET", path, admin, null);
      if (answer.statusCode() != 429 || attempt == 5) {
        return answer;
      }
      Thread.sleep(1000); // the rate limit's bucket refills within two seconds (W14)
    }
  }

  private static String detail(HttpResponse<String> answer) {
    return RestTestClient.json(answer).get("detail").asString();
  }

  private static String concrete(String path) {
    return path.replaceAll("\\{[^}/]+}", "x");
  }

  private static String sample(Schema<?> schema) {
    if (schema == null) {
      return "x";
    }
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return String.valueOf(schema.getEnum().get(0));
    }
    if ("date-time".equals(schema.getFormat())) {
      return "2026-01-01T00:00:00.000+0000";
    }
    return switch (String.valueOf(schema.getType())) {
      case "boolean" -> "true";
      case "integer", "number" -> "1";
      default -> "x";
    };
  }

  private List<String> getPaths() {
    return new ArrayList<>(getHandlers().keySet());
  }

  /** Every {@code GET} path template of Bulwark's integration API handlers with its handler. */
  private Map<String, HandlerMethod> getHandlers() {
    Map<String, HandlerMethod> handlers = new TreeMap<>();
    context
        .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)
                  && method.getBeanType().getPackageName().startsWith("io.bulwark")) {
                info.getPatternValues().stream()
                    .filter(path -> path.startsWith(CamundaOpenApi.BASE + "/"))
                    .forEach(path -> handlers.put(path, method));
              }
            });
    return handlers;
  }
}
