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

  @Test
  void a2_utf8IsAFreshCopyThatLeavesTheSecretUsable() {
    Secret secret = Secret.of("Grüße-Corvid-58".toCharArray());
    byte[] first = secret.utf8();
    byte[] second = secret.utf8();

    assertThat(first)
        .isEqualTo("Grüße-Corvid-58".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(first).isNotSameAs(second);
    java.util.Arrays.fill(first, (byte) 0);
    assertThat(secret.utf8()).isEqualTo(second);
    secret.clear();
    assertThatThrownBy(secret::utf8).isInstanceOf(IllegalStateException.class);
  }
}
