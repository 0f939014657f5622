package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.ResolvableType;
import org.springframework.mock.env.MockEnvironment;

/** The W3 and T5 checks grade what the server's header filter really writes (W3, T5). */
class SecurityHeaderChecksTest {

  /** Writes the built-in headers, then overrides some with weaker values. */
  private static Filter weakened(Map<String, String> overrides) {
    SecurityHeadersFilter real = new SecurityHeadersFilter();
    return (request, response, chain) ->
        real.doFilter(
            request,
            response,
            (req, res) -> overrides.forEach(((HttpServletResponse) res)::setHeader));
  }

  @Test
  void w3_passesTheHeadersOfTheServersFilter() {
    Finding w3 = W3SecurityHeadersCheck.grade(new SecurityHeadersFilter());
    assertThat(w3.status()).as(w3.toString()).isEqualTo(CheckStatus.PASS);
    assertThat(T5HstsCheck.grade(new SecurityHeadersFilter()).status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void w3_failsInlineScriptAndFraming() {
    Finding w3 =
        W3SecurityHeadersCheck.grade(
            weakened(
                Map.of(
                    "Content-Security-Policy", "default-src 'self' 'unsafe-inline'",
                    "X-Frame-Options", "SAMEORIGIN")));
    assertThat(w3.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(w3.message()).contains("inline", "X-Frame-Options is not DENY");
  }

  @Test
  void w3_failsApiAnswersThatMayBeCached() {
    Finding w3 = W3SecurityHeadersCheck.grade(weakened(Map.of("Cache-Control", "max-age=600")));
    assertThat(w3.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(w3.message()).contains("Cache-Control without no-store");
  }

  @Test
  void t5_failsAShortHsts() {
    Finding t5 = T5HstsCheck.grade(weakened(Map.of("Strict-Transport-Security", "max-age=86400")));
    assertThat(t5.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(t5.message()).contains("86400");
  }

  @Test
  void w3_failsAServerWithoutTheFilterOrWithItDisabled() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    MockEnvironment serving = new MockEnvironment();
    assertThat(new W3SecurityHeadersCheck(provider(beans), serving).run().status())
        .isEqualTo(CheckStatus.FAIL);

    FilterRegistrationBean<SecurityHeadersFilter> disabled =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    disabled.setEnabled(false);
    RootBeanDefinition definition = new RootBeanDefinition(FilterRegistrationBean.class);
    definition.setInstanceSupplier(() -> disabled);
    definition.setTargetType(registrationType());
    beans.registerBeanDefinition("securityHeadersFilter", definition);
    Finding w3 = new W3SecurityHeadersCheck(provider(beans), serving).run();
    assertThat(w3.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(w3.message()).contains("disabled");
    assertThat(new T5HstsCheck(provider(beans), serving).run().status())
        .isEqualTo(CheckStatus.FAIL);
  }

  @Test
  void w3_doctorContextGradesTheFilterTheServerWouldInstall() {
    MockEnvironment doctor = new MockEnvironment().withProperty("bulwark.mode", "doctor");
    Finding w3 =
        new W3SecurityHeadersCheck(provider(new DefaultListableBeanFactory()), doctor).run();
    assertThat(w3.status()).isEqualTo(CheckStatus.PASS);
  }

  private static org.springframework.beans.factory.ObjectProvider<
          FilterRegistrationBean<SecurityHeadersFilter>>
      provider(DefaultListableBeanFactory beans) {
    return beans.getBeanProvider(registrationType());
  }

  private static ResolvableType registrationType() {
    return ResolvableType.forClassWithGenerics(
        FilterRegistrationBean.class, SecurityHeadersFilter.class);
  }
}
