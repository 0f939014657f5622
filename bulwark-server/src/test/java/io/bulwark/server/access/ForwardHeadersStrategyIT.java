package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * On a detected cloud platform Spring Boot would trust proxy headers from private addresses by
 * itself; Bulwark's default keeps that off (W7), so a forged X-Forwarded-For from a loopback client
 * cannot claim an allowed address.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.service-groups.api.allow=10.0.0.0/8",
      "spring.main.cloud-platform=kubernetes"
    })
class ForwardHeadersStrategyIT {

  @Autowired ApplicationContext context;

  @Test
  void w7_forgedForwardedForIsIgnoredOnCloudPlatform() throws Exception {
    ServerEndpoint server = ServerEndpoint.of(context);
    HttpClient client = server.client();
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(server.uri("/engine-rest/process-definition"))
                .header("X-Forwarded-For", "10.1.2.3")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(403);
  }
}
