package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Z10DelegateTopicsCheckTest {

  private static Finding check(String... entries) {
    return new Z10DelegateTopicsCheck(new DelegateTopicsProperties(List.of(entries))).run();
  }

  @Test
  void z10_passesWithoutMappings() {
    assertThat(check().status()).isEqualTo(CheckStatus.PASS);
    assertThat(new DelegateTopicsProperties(null).mappings()).isEmpty();
  }

  @Test
  void z10_warnsAndListsEveryMapping() {
    Finding finding = check("com.acme.ArchiveService=archive", "notifier=notify");
    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message())
        .contains("com.acme.ArchiveService -> topic archive")
        .contains("notifier -> topic notify");
    assertThat(new DelegateTopicsProperties(List.of(" com.acme.A = a ")).mappings())
        .isEqualTo(Map.of("com.acme.A", "a"));
  }

  @Test
  void z10_failsForAMappingWithoutAValidTopic() {
    Finding finding = check("com.acme.ArchiveService=not a topic");
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("com.acme.ArchiveService");
    assertThatThrownBy(() -> new DelegateTopicsProperties(List.of("com.acme.NoTopic")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write delegate=topic");
  }
}
