package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void w14_burstOfTwoSecondsThenTheRate() {
    RateLimiter limiter = new RateLimiter(5, now::get);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire("k")).as("request " + i).isEmpty();
    }
    assertThat(limiter.tryAcquire("k"))
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofMillis(199), Duration.ofMillis(201)));
    assertThat(limiter.tryAcquire("other")).isEmpty();
    now.addAndGet(Duration.ofMillis(200).toNanos());
    assertThat(limiter.tryAcquire("k")).isEmpty();
    assertThat(limiter.tryAcquire("k")).isPresent();
  }

  @Test
  void w14_filterAnswers429WithRetryAfterPerAddressAndGroup() throws Exception {
    ApiRateLimitFilter filter =
        new ApiRateLimitFilter(new RateLimiter(1000, now::get), new RateLimiter(1, now::get));
    assertThat(status(filter, "/engine-rest/job", "10.0.0.1")).isEqualTo(200);
    assertThat(status(filter, "/engine-rest/job/count", "10.0.0.1")).isEqualTo(200);
    MockHttpServletResponse refused = call(filter, "/engine-rest/job", "10.0.0.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    assertThat(refused.getContentAsString()).contains("W14").doesNotContain("10.0.0.1");
    assertThat(status(filter, "/engine-rest/incident", "10.0.0.1")).isEqualTo(200);
    assertThat(status(filter, "/engine-rest/job", "10.0.0.2")).isEqualTo(200);
  }

  @Test
  void w14_anIpv6ClientCountsAsItsSlash64() {
    assertThat(ApiRateLimitFilter.addressKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(ApiRateLimitFilter.addressKey("2001:db8:1:2:bbbb::9"))
        .isNotEqualTo(ApiRateLimitFilter.addressKey("2001:db8:1:3::1"));
    assertThat(ApiRateLimitFilter.addressKey("127.0.0.1")).isEqualTo("127.0.0.1");
  }

  private static int status(ApiRateLimitFilter filter, String path, String address)
      throws Exception {
    return call(filter, path, address).getStatus();
  }

  private static MockHttpServletResponse call(
      ApiRateLimitFilter filter, String path, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {});
    return response;
  }
}
