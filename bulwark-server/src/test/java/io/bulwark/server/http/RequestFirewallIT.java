package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Hostile requests against the running server (W6), sent over a raw socket. */
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
    RawResponse answer = server.raw(vector.bytes(server.uri("/").getPort()));
    assertThat(answer.status()).as(vector.name()).isEqualTo(vector.status());
    assertThat(answer.header("Content-Type"))
        .as(vector.name())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.header("Content-Security-Policy")).as(vector.name()).isPresent();
    assertThat(answer.header("X-Correlation-Id")).as(vector.name()).isPresent();
    assertThat(answer.body()).as(vector.name()).doesNotContain("Exception", "at io.", "Tomcat");
  }
}
