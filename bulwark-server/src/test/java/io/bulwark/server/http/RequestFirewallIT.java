package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Hostile requests against the running server (W6), sent over a raw socket so that nothing
 * normalizes them on the way. Each must be refused with its status, as a problem answer with the
 * security headers and a correlation ID, whether our firewall or Tomcat's parser saw it first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestFirewallIT {

  @Autowired ApplicationContext context;
  ServerEndpoint server;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
  }

  @ParameterizedTest
  @EnumSource(HostileRequest.class)
  void w6_rejectsHostileRequest(HostileRequest vector) throws IOException {
    assertRefused(vector);
  }

  @Test
  void w6_rejectsTraversal() throws IOException {
    assertRefused(HostileRequest.TRAVERSAL);
    assertRefused(HostileRequest.ENCODED_TRAVERSAL);
    assertRefused(HostileRequest.OVERLONG_UTF8_TRAVERSAL);
  }

  @Test
  void w6_rejectsEncodedSlashInPath() throws IOException {
    assertRefused(HostileRequest.ENCODED_SLASH);
    assertRefused(HostileRequest.ENCODED_BACKSLASH);
  }

  @Test
  void w6_rejectsDoubleEncoding() throws IOException {
    assertRefused(HostileRequest.DOUBLE_ENCODING);
  }

  @Test
  void w6_rejectsNul() throws IOException {
    assertRefused(HostileRequest.ENCODED_NUL);
  }

  @Test
  void w6_rejectsControlCharacters() throws IOException {
    assertRefused(HostileRequest.ENCODED_CONTROL_CHARACTER);
    assertRefused(HostileRequest.RAW_CONTROL_CHARACTER);
  }

  @Test
  void w6_rejectsBackslash() throws IOException {
    assertRefused(HostileRequest.BACKSLASH);
  }

  @Test
  void w6_rejectsTraceMethod() throws IOException {
    RawResponse answer = assertRefused(HostileRequest.TRACE_METHOD);
    assertThat(answer.header("Allow")).hasValue("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
    assertThat(answer.body()).doesNotContain("TRACE /engine-rest");
  }

  @Test
  void w6_rejectsOversizedHeader() throws IOException {
    assertRefused(HostileRequest.OVERSIZED_HEADER);
  }

  @Test
  void w6_rejectsOversizedBody() throws IOException {
    RawResponse answer = assertRefused(HostileRequest.OVERSIZED_BODY);
    assertThat(answer.body())
        .contains("\"type\":\"https://bulwark.io/problems/request-too-large\"");
  }

  @Test
  void w6_rejectsTooManyParameters() throws IOException {
    assertRefused(HostileRequest.TOO_MANY_PARAMETERS);
    assertRefused(HostileRequest.TOO_MANY_FORM_PARAMETERS);
  }

  @Test
  void w6_rejectsApiBodyThatIsNeitherJsonNorForm() throws IOException {
    assertRefused(HostileRequest.BODY_NEITHER_JSON_NOR_FORM);
  }

  private RawResponse assertRefused(HostileRequest vector) throws IOException {
    RawResponse answer = server.raw(vector.bytes(server.uri("/").getPort()));
    String name = vector.name();
    assertThat(answer.status()).as(name).isEqualTo(vector.status());
    assertThat(answer.header("Content-Type"))
        .as(name)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).as(name).contains("\"status\":" + vector.status());
    assertThat(answer.body()).as(name).containsPattern("\"correlationId\":\"[0-9a-f-]{36}\"");
    if (!vector.refusedByParser()) {
      assertThat(answer.header("Content-Security-Policy"))
          .as(name)
          .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(answer.body()).as(name).contains(answer.header("X-Correlation-Id").orElseThrow());
    }
    assertThat(answer.header("Server")).as(name).isEmpty();
    assertThat(answer.body()).as(name).doesNotContain("Exception", "at io.", "Tomcat", "/work/");
    return answer;
  }
}
