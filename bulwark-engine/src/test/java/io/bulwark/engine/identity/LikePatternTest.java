package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SQL LIKE applied to directory entries as the database applies it to rows (A8). */
class LikePatternTest {

  @Test
  void a8_percentIsAnyTextUnderscoreOneCharacterBackslashEscapes() {
    assertThat(LikePattern.matches("Ad%", "Ada")).isTrue();
    assertThat(LikePattern.matches("Ad%", "ada")).as("case-sensitive").isFalse();
    assertThat(LikePattern.matches("_da", "Ada")).isTrue();
    assertThat(LikePattern.matches("_da", "Adda")).isFalse();
    assertThat(LikePattern.matches("100\\%", "100%")).isTrue();
    assertThat(LikePattern.matches("100\\%", "1000")).isFalse();
    assertThat(LikePattern.matches("a.*", "abc")).as("regex characters are literal").isFalse();
    assertThat(LikePattern.matches("%", null)).as("null matches nothing").isFalse();
  }
}
