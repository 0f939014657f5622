package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowIdsTest {

  @Test
  void idsAreVersion7UuidsInTheirStringForm() {
    String id = RowIds.next();

    UUID uuid = UUID.fromString(id);
    assertThat(uuid.toString()).isEqualTo(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    long millis = uuid.getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesAsStrings() throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(RowIds.next());
      Thread.sleep(2);
    }

    assertThat(ids).isSorted();
  }

  /** Time-ordered, not counted: two ids of one millisecond are 74 random bits apart, not 1. */
  @Test
  void idsOfOneMillisecondDoNotTellEachOther() {
    Set<String> seen = new HashSet<>();
    int neighbours = 0;
    BigInteger previous = null;
    for (int i = 0; i < 10_000; i++) {
      String id = RowIds.next();
      assertThat(seen.add(id)).as("unique").isTrue();
      BigInteger value = new BigInteger(id.replace("-", ""), 16);
      if (previous != null
          && value.subtract(previous).abs().compareTo(BigInteger.valueOf(1 << 20)) < 0) {
        neighbours++;
      }
      previous = value;
    }

    assertThat(neighbours).isZero();
  }
}
