package io.bulwark.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoundOrderTest {

  private static final List<String> ENGINES = List.of("bulwark", "camunda", "operaton", "flowable");

  @Test
  void evenRoundsKeepTheOrderAndOddRoundsReverseIt() {
    assertThat(RoundOrder.of(ENGINES, 0)).containsExactlyElementsOf(ENGINES);
    assertThat(RoundOrder.of(ENGINES, 1))
        .containsExactly("flowable", "operaton", "camunda", "bulwark");
    assertThat(RoundOrder.of(ENGINES, 2)).containsExactlyElementsOf(ENGINES);
  }

  @Test
  void overTwoRoundsEveryEngineHasTheSameMeanPosition() {
    for (String engine : ENGINES) {
      int positions =
          RoundOrder.of(ENGINES, 0).indexOf(engine) + RoundOrder.of(ENGINES, 1).indexOf(engine);
      assertThat(positions).as(engine).isEqualTo(ENGINES.size() - 1);
    }
  }
}
