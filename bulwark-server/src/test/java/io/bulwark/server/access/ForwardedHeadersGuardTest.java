package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

class ForwardedHeadersGuardTest {

  @Test
  void w7_proxyHeaderStrategyOtherThanNoneRefusesToStart() {
    for (String strategy : new String[] {"native", "framework", "NATIVE"}) {
      MockEnvironment environment =
          new MockEnvironment().withProperty(ForwardedHeadersGuard.PROPERTY, strategy);
      assertThatThrownBy(
              () ->
                  new ForwardedHeadersGuard(environment)
                      .customize(new TomcatServletWebServerFactory()))
          .hasMessageContaining("server.forward-headers-strategy=" + strategy)
          .hasMessageContaining("must be none");
    }
  }

  @Test
  void w7_remoteIpValveRefusesToStart() {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    factory.addEngineValves(new RemoteIpValve());

    assertThatThrownBy(() -> new ForwardedHeadersGuard(new MockEnvironment()).customize(factory))
        .hasMessageContaining("RemoteIpValve");
  }

  @Test
  void w7_noneOrUnsetStarts() {
    assertThatCode(
            () ->
                new ForwardedHeadersGuard(
                        new MockEnvironment().withProperty(ForwardedHeadersGuard.PROPERTY, "none"))
                    .customize(new TomcatServletWebServerFactory()))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                new ForwardedHeadersGuard(new MockEnvironment())
                    .customize(new TomcatServletWebServerFactory()))
        .doesNotThrowAnyException();
  }
}
