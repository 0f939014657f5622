package io.bulwark.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of("hunter2-hunter2");
    assertThat(secret.toString()).doesNotContain("hunter2").isEqualTo("Secret[****]");
  }

  @Test
  void equalsComparesValues() {
    assertThat(Secret.of("same value")).isEqualTo(Secret.of("same value".toCharArray()));
    assertThat(Secret.of("same value")).isNotEqualTo(Secret.of("same valuf"));
    assertThat(Secret.of("short")).isNotEqualTo(Secret.of("shorter"));
    assertThat(Secret.of("x").hashCode()).isEqualTo(Secret.of("y").hashCode());
  }

  @Test
  void clearWipesAndForbidsLaterReads() {
    char[] source = "wipe me please".toCharArray();
    Secret secret = Secret.of(source);
    source[0] = 'W';
    assertThat(secret.reveal()[0]).as("a copy is kept").isEqualTo('w');
    secret.clear();
    assertThat(secret.isCleared()).isTrue();
    assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class);
  }
}
