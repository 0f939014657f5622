package io.bulwark.server.rest;

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
 * Problem answers of the integration API carry RFC 9457's members and Camunda's {@code message} and
 * {@code code} (W5); request bodies nest JSON only so deep (W6, W11).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestProblemsIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void w5_problemsCarryCamundasMessageAndCode() throws Exception {
    String[] admin = rest.newAdmin();
    HttpResponse<String> answer = rest.send("GET", "/engine-rest/group/no-such-group", admin, null);
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue(RestTestClient.PROBLEM);
    JsonNode problem = RestTestClient.json(answer);
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("type").asString()).isEqualTo("https://bulwark.io/problems/not-found");
    assertThat(problem.get("message").asString()).isEqualTo(problem.get("detail").asString());
    assertThat(problem.get("code").asInt()).isZero();

    HttpResponse<String> anonymous = rest.send("GET", "/engine-rest/group", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(RestTestClient.json(anonymous).has("message")).isTrue();
  }

  @Test
  void w6_deeplyNestedRequestBodiesAre400WithoutInternals() throws Exception {
    String[] admin = rest.newAdmin();
    String deep = "{\"id\":\"g\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
    HttpResponse<String> answer = rest.send("POST", "/engine-rest/group/create", admin, deep);
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode problem = RestTestClient.json(answer);
    assertThat(problem.get("detail").asString())
        .isEqualTo("The request body nests JSON deeper than 40 levels (W6).");
    assertThat(answer.body()).doesNotContain("jackson").doesNotContain("Exception");
  }
}
