package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The correlation IDs of W5: random version 4 UUIDs, made without a lock shared by threads. */
class CorrelationIdFilterTest {

  @Test
  void w5_correlationIdsAreDistinctRandomVersion4Uuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CorrelationIdFilter.randomId();
      UUID parsed = UUID.fromString(id);
      assertThat(parsed.version()).isEqualTo(4);
      assertThat(parsed.variant()).isEqualTo(2);
      assertThat(parsed.toString()).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }
}
