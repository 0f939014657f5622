package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The gate with a narrowed API allowlist and the internal services switched off (W7). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.service-groups.api.allow=10.0.0.0/8",
      "bulwark.service-groups.internal.enabled=false"
    })
class ServiceGroupRestrictedIT {

  @Autowired ApplicationContext context;
  ServerEndpoint server;
  HttpClient client;

  @BeforeEach
  void connect() {
    server = ServerEndpoint.of(context);
    client = server.client();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.uri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void w7_deniesClientOutsideAllowlist() throws Exception {
    HttpResponse<String> answer = get("/engine-rest/process-definition");
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("https://bulwark.io/problems/forbidden");
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void w7_forgedForwardingHeadersDoNotBypassAllowlist() throws Exception {
    for (String[] forged :
        List.of(
            new String[] {"X-Forwarded-For", "10.1.2.3"},
            new String[] {"X-Forwarded-For", "127.0.0.1"},
            new String[] {"X-Forwarded-For", "10.1.2.3, 127.0.0.1"},
            new String[] {"Forwarded", "for=10.1.2.3;proto=https"},
            new String[] {"X-Real-IP", "10.1.2.3"},
            new String[] {"X-Client-IP", "10.1.2.3"})) {
      HttpResponse<String> answer =
          client.send(
              HttpRequest.newBuilder(server.uri("/engine-rest/process-definition"))
                  .header(forged[0], forged[1])
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(forged[0] + ": " + forged[1]).isEqualTo(403);
      assertThat(answer.body()).contains("https://bulwark.io/problems/forbidden");
    }
  }

  @Test
  void w7_disabledGroupAnswers404() throws Exception {
    HttpResponse<String> answer = get("/internal/health");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("https://bulwark.io/problems/not-found");
  }

  @Test
  void w7_otherGroupsStayReachable() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void w7_listensOnEveryInterfaceWhenAGroupAllowsOtherNetworks() throws Exception {
    ListenAddressIT.connect(LocalAddresses.nonLoopback(), server.uri("/").getPort());
  }
}
