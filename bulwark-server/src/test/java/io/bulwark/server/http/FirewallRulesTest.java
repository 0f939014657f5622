package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FirewallRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/engine-rest/../x",
        "/engine-rest/./x",
        "/engine-rest/..",
        "/engine-rest/%2e%2e/x",
        "/engine-rest/%2E./x",
        "/engine-rest/%c0%ae%c0%ae/x",
        "/engine-rest/a%2fb",
        "/engine-rest/a%5cb",
        "/engine-rest/%252e%252e/x",
        "/engine-rest/a%00b",
        "/engine-rest/a%0ab",
        "/engine-rest/a%7fb",
        "/engine-rest/a%c2%85b",
        "/engine-rest/a\u0000b",
        "/engine-rest/a\tb",
        "/engine-rest\\x",
        "/engine-rest/x;jsessionid=1",
        "/engine-rest//x",
        "/engine-rest/%zz",
        "/engine-rest/%4",
        "/engine-rest/caf\u00e9",
        "engine-rest/x",
        ""
      })
  void w6_rejectsPathsNotInNormalForm(String path) {
    assertThat(FirewallRules.checkPath(path))
        .hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.BAD_REQUEST));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/app/", "/engine-rest/task/42", "/app/caf%C3%A9", "/a-b_c.d~e/%25"})
  void w6_acceptsNormalPaths(String path) {
    assertThat(FirewallRules.checkPath(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRACE", "CONNECT", "PROPFIND", "get", "TRACK", ""})
  void w6_rejectsMethodsOutsideTheAllowlist(String method) {
    assertThat(FirewallRules.checkMethod(method))
        .hasValueSatisfying(p -> assertThat(p.type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void w6_acceptsAllowedMethods(String method) {
    assertThat(FirewallRules.checkMethod(method)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%00", "a=%zz", "a=%2541", "a=\u0001", "a=\u00e9"})
  void w6_rejectsHostileQueries(String query) {
    assertThat(FirewallRules.checkQuery(query, 1000)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=1&b=2", "path=%2Fx", "q=caf%C3%A9&&x=", "a=%25"})
  void w6_acceptsOrdinaryQueries(String query) {
    assertThat(FirewallRules.checkQuery(query, 1000)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 1001})
  void w6_limitsTheParameterCount(int count) {
    String query = "p=1&".repeat(count - 1) + "p=1";
    assertThat(FirewallRules.countParameters(query)).isEqualTo(count);
    assertThat(FirewallRules.checkQuery(query, 1000).isPresent()).isEqualTo(count > 1000);
  }
}
