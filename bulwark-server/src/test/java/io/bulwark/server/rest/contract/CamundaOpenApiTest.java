package io.bulwark.server.rest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The harness finds what it must: an answer that Camunda's document allows passes, and a member,
 * type, status or operation that neither Camunda nor a listed difference allows fails.
 */
class CamundaOpenApiTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM =
      "{\"type\":\"https://bulwark.io/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
          + "\"detail\":\"user x not found\",\"instance\":\"urn:uuid:1\",\"correlationId\":\"1\"}";

  private final CamundaOpenApi camunda = CamundaOpenApi.get();

  @Test
  void camundaShapedAnswerPasses() {
    assertThat(
            camunda.check(
                "GET",
                "/engine-rest/user/ada/profile",
                200,
                JSON,
                "{\"id\":\"ada\",\"firstName\":\"Ada\",\"lastName\":\"L\",\"email\":null}"))
        .isEmpty();
    assertThat(camunda.check("GET", "/engine-rest/group/count?name=x", 200, JSON, "{\"count\":3}"))
        .isEmpty();
    assertThat(camunda.check("DELETE", "/engine-rest/group/g1", 204, null, null)).isEmpty();
  }

  @Test
  void listedAdditionsPass() {
    assertThat(
            camunda.check(
                "GET",
                "/engine-rest/user",
                200,
                JSON,
                "[{\"id\":\"ada\",\"firstName\":\"Ada\",\"lastName\":null,\"email\":null,"
                    + "\"displayName\":\"Ada\",\"disabled\":false}]"))
        .isEmpty();
    assertThat(camunda.check("POST", "/engine-rest/user/ada/disable", 204, null, null)).isEmpty();
    assertThat(camunda.check("GET", "/engine-rest/user/ada/profile", 404, PROBLEM_TYPE, PROBLEM))
        .isEmpty();
    assertThat(camunda.check("GET", "/engine-rest/group", 429, PROBLEM_TYPE, PROBLEM)).isEmpty();
  }

  private static final String PROBLEM_TYPE = "application/problem+json;charset=UTF-8";

  @Test
  void unlistedMemberFails() {
    assertThat(
            camunda.check(
                "GET", "/engine-rest/group/g1", 200, JSON, "{\"id\":\"g1\",\"secret\":\"x\"}"))
        .isNotEmpty();
  }

  @Test
  void wrongTypeFails() {
    assertThat(camunda.check("GET", "/engine-rest/user/count", 200, JSON, "{\"count\":\"many\"}"))
        .isNotEmpty();
  }

  @Test
  void undocumentedStatusFails() {
    assertThat(camunda.check("GET", "/engine-rest/user/count", 202, null, null)).isNotEmpty();
  }

  @Test
  void problemWithoutItsMembersFails() {
    assertThat(camunda.check("GET", "/engine-rest/group/g1", 404, PROBLEM_TYPE, "{\"oops\":1}"))
        .isNotEmpty();
  }

  @Test
  void unknownOperationFails() {
    assertThat(camunda.check("GET", "/engine-rest/no-such-resource", 200, JSON, "{}"))
        .singleElement()
        .asString()
        .contains("not in Camunda's document");
    assertThat(camunda.check("PATCH", "/engine-rest/user/ada/profile", 204, null, null))
        .isNotEmpty();
  }

  @Test
  void everyListedAdditionIsMissingFromCamundasDocument() {
    for (CamundaDifferences.Difference addition :
        CamundaDifferences.load().ofKind(CamundaDifferences.Kind.OPERATIONS)) {
      for (String operation : addition.operations()) {
        assertThat(camunda.camundaHas(operation))
            .as(operation + " is Camunda's; it is no addition")
            .isFalse();
      }
    }
  }
}
