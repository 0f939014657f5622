package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The small parts of the request path: limits, checks, error bodies. */
class RequestPathUnitsTest {

  @Test
  void w6_streamStopsBeyondTheBodyLimit() throws IOException {
    LimitedInputStream exact = new LimitedInputStream(stream(new byte[100]), 100);
    assertThat(exact.readAllBytes()).hasSize(100);
    LimitedInputStream over = new LimitedInputStream(stream(new byte[101]), 100);
    assertThatThrownBy(over::readAllBytes).isInstanceOf(RequestTooLargeException.class);
    LimitedInputStream byteWise = new LimitedInputStream(stream(new byte[3]), 2);
    byteWise.read();
    byteWise.read();
    assertThatThrownBy(byteWise::read).isInstanceOf(RequestTooLargeException.class);
  }

  @Test
  void w6_settingsRefuseNonsense() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FirewallSettings(100, 10, 10))
        .withMessageContaining("bulwark.http.max-header-bytes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FirewallSettings(16384, 0, 10))
        .withMessageContaining("bulwark.http.max-body-bytes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new FirewallSettings(16384, 10, 0))
        .withMessageContaining("bulwark.http.max-parameters");
  }

  @Test
  void w6_checkPassesForDefaultsAndFailsBeyondSaneBounds() {
    Finding ok = new W6RequestLimitsCheck(FirewallSettings.defaults()).run();
    assertThat(ok.status()).isEqualTo(CheckStatus.PASS);
    assertThat(ok.checkId()).isEqualTo("W6");
    Finding big =
        new W6RequestLimitsCheck(new FirewallSettings(128 * 1024, 1L << 30, 50_000)).run();
    assertThat(big.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(big.message())
        .contains("bulwark.http.max-header-bytes", "bulwark.http.max-body-bytes", "max-parameters");
    assertThat(big.fix()).isNotEmpty();
  }

  @Test
  void w5_problemJsonEscapesAndCarriesNoInternals() {
    Problem problem = Problem.of(ProblemType.NOT_FOUND, "quote \" backslash \\ newline \n end");
    String json = new String(ErrorResponder.json(problem, "id-1"), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"https://bulwark.io/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"quote \\\" backslash \\\\ newline \\u000a end\","
                + "\"message\":\"quote \\\" backslash \\\\ newline \\u000a end\","
                + "\"code\":0,\"instance\":\"urn:uuid:id-1\",\"correlationId\":\"id-1\"}");
  }

  @Test
  void w5_htmlPageIsStaticAndEscaped() {
    String html =
        new String(
            ErrorResponder.html(Problem.of(ProblemType.FORBIDDEN, "x"), "<id>"),
            StandardCharsets.UTF_8);
    assertThat(html).contains("&lt;id&gt;", "status 403").doesNotContain("<script", "style");
  }

  @Test
  void w5_unknownStatusesMapToGenericTypes() {
    assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.BAD_REQUEST);
    assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL_ERROR);
  }

  @Test
  void w6_onlyJsonAndFormBodiesOnTheApi() {
    assertThat(RequestFirewallFilter.isJsonOrForm("application/json; charset=UTF-8")).isTrue();
    assertThat(RequestFirewallFilter.isJsonOrForm("application/merge-patch+json")).isTrue();
    assertThat(RequestFirewallFilter.isJsonOrForm("multipart/form-data; boundary=x")).isTrue();
    assertThat(RequestFirewallFilter.isJsonOrForm("application/x-www-form-urlencoded")).isTrue();
    assertThat(RequestFirewallFilter.isJsonOrForm("application/xml")).isFalse();
    assertThat(RequestFirewallFilter.isJsonOrForm("text/plain")).isFalse();
    assertThat(RequestFirewallFilter.isJsonOrForm(null)).isFalse();
  }

  private static ServletInputStream stream(byte[] bytes) {
    InputStream in = new ByteArrayInputStream(bytes);
    return new ServletInputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return false;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        // Blocking test stream.
      }
    };
  }
}
