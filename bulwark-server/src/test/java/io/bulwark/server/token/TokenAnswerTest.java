package io.bulwark.server.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The token answer is built as bytes the caller wipes, never as a String (A9; issue 17). */
class TokenAnswerTest {

  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

  @Test
  void a9_tokenAnswerIsBytesWithTheTokenAndItsLifetime() {
    try (Secret token = Secret.of(TOKEN)) {
      byte[] body = TokenAnswer.json(token, Duration.ofMinutes(15));

      assertThat(new String(body, StandardCharsets.US_ASCII))
          .isEqualTo(
              "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
      assertThat(token.isCleared()).isFalse();
    }
  }

  @Test
  void a9_aTokenThatIsNotUrlSafeBase64IsRefused() {
    try (Secret token = Secret.of("abc\"def")) {
      assertThatThrownBy(() -> TokenAnswer.json(token, Duration.ofMinutes(15)))
          .isInstanceOf(IllegalStateException.class);
    }
    try (Secret token = Secret.of("abcdéf")) {
      assertThatThrownBy(() -> TokenAnswer.json(token, Duration.ofMinutes(15)))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
