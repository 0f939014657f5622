package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.FilterChainProxy;

/** The request path logged at start names every chain with its real filters, in order (W5, W7). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityChainLogIT {

  @Autowired FilterChainProxy proxy;

  @Test
  void w7_logNamesTheServiceGroupChainsInTheOrderTheyAreTried() {
    String text = SecurityChainLog.describe(proxy.getFilterChains());
    List<String> lines = text.lines().toList();

    assertThat(lines.get(0))
        .contains("CorrelationIdFilter", "RequestFirewallFilter (W6)", "ServiceGroupGate (W7)");
    assertThat(lines).hasSize(proxy.getFilterChains().size() + 1);
    assertThat(text.indexOf("/engine-rest/**")).isPositive();
    assertThat(text.indexOf("/internal/**")).isPositive();
    assertThat(text.indexOf("/app/**")).isPositive();
  }

  @Test
  void w5_loggedApiChainIsStatelessAndWebChainHasCsrf() {
    List<String> lines = SecurityChainLog.describe(proxy.getFilterChains()).lines().toList();
    String api = lineOf(lines, "/engine-rest/**");
    String web = lineOf(lines, "/app/**");

    assertThat(api).contains("BasicAuthenticationFilter").doesNotContain("CsrfFilter");
    assertThat(api).doesNotContain("UsernamePasswordAuthenticationFilter");
    assertThat(web).contains("CsrfFilter", "UsernamePasswordAuthenticationFilter");
  }

  private static String lineOf(List<String> lines, String pattern) {
    return lines.stream()
        .filter(line -> line.contains(pattern))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chain for " + pattern + " in " + lines));
  }
}
