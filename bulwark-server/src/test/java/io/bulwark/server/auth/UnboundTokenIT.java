package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.token.A9AccessTokenCheck;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * A9's named relaxation: with {@code bulwark.api.allow-insecure-unbound-tokens=true} a token works
 * from any client address, and doctor check A9 warns about it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "bulwark.api.allow-insecure-unbound-tokens=true")
class UnboundTokenIT {

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;
  @Autowired private A9AccessTokenCheck check;

  @Test
  void a9_unboundTokensWorkFromAnyAddressAndDoctorWarns() throws Exception {
    URI base = TestServer.baseUri(environment);
    String[] user = TokenBindingIT.newUser(engine);
    String token = TokenBindingIT.token(new LoopbackClient(base, "127.0.0.43"), user);
    assertThat(TokenBindingIT.bearer(new LoopbackClient(base, "127.0.0.44"), token).status())
        .isEqualTo(200);
    assertThat(check.run().status()).isEqualTo(CheckStatus.WARN);
    assertThat(check.run().message()).contains("NOT bound");
  }
}
