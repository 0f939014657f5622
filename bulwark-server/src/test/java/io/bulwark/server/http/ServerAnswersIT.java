package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Answers an outside scan found wrong (issue 17): {@code OPTIONS *} answered by the container
 * outside the request path (W3, W6), 501 and 505 answers whose body said 500 (W5), redirects built
 * from the request's {@code Host} header (W13) and HTML comments served with the pages (W5). Every
 * request goes over a raw socket, as a scanner sends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerAnswersIT {

  @Autowired ApplicationContext context;
  ServerEndpoint server;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
  }

  @Test
  void w6_optionsAsteriskIsRefusedByTheFirewallWithHeadersAndCorrelationId() throws Exception {
    RawResponse answer = server.raw("OPTIONS", "*");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.headers().getOrDefault("allow", List.of()))
        .noneMatch(allow -> allow.contains("TRACE"));
    assertThat(answer.header("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
    String id = answer.header(CorrelationIdFilter.HEADER).orElseThrow();
    assertThat(answer.body())
        .contains("\"status\":400", "\"correlationId\":\"" + id + "\"", "asterisk");
    assertSecurityHeaders(answer);
  }

  @Test
  void w5_httpVersionNotSupportedSays505InItsBody() throws Exception {
    RawResponse answer = send("GET /engine-rest/x HTTP/1.2\r\nHost: localhost\r\n");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(505);
    assertThat(answer.body()).contains("\"status\":505").doesNotContain("\"status\":500");
    assertSecurityHeaders(answer);
  }

  @Test
  void w5_notImplementedTransferCodingSays501InItsBody() throws Exception {
    RawResponse answer =
        send(
            "POST /engine-rest/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(501);
    assertThat(answer.body()).contains("\"status\":501").doesNotContain("\"status\":500");
    assertSecurityHeaders(answer);
  }

  @Test
  void w13_redirectsNeverCopyTheHostHeader() throws Exception {
    for (String target : List.of("/", "/app/", "/app/tasklist")) {
      RawResponse answer = send("GET " + target + " HTTP/1.1\r\nHost: evil.example\r\n");

      assertThat(answer.status()).as(target + " " + answer).isEqualTo(302);
      assertThat(answer.header("Location").orElseThrow())
          .as(target)
          .startsWith("/")
          .doesNotStartWith("//")
          .doesNotContain("evil.example");
    }
  }

  @Test
  void w5_servedPagesCarryNoHtmlComments() throws Exception {
    for (String target :
        List.of("/app/login", "/app/account/lost-password", "/app/account/reset", "/app/denied")) {
      RawResponse answer = server.raw("GET", target, "Accept: text/html");

      assertThat(answer.header("Content-Type").orElseThrow()).as(target).startsWith("text/html");
      assertThat(answer.body()).as(target).contains("<html").doesNotContain("<!--");
    }
  }

  private RawResponse send(String head) throws IOException {
    return server.raw((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void assertSecurityHeaders(RawResponse answer) {
    for (Map.Entry<String, String> header : SecurityHeaders.ALWAYS.entrySet()) {
      assertThat(answer.header(header.getKey())).as(header.getKey()).hasValue(header.getValue());
    }
    assertThat(answer.header(CorrelationIdFilter.HEADER)).isPresent();
  }
}
