package io.bulwark.engine.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.CamundaNumbering;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Camunda 7's numbers translate both ways and cover every Bulwark resource type (Z2). */
class CamundaNumberingTest {

  @Test
  void z2_camundaNumbersTranslateBothWays() {
    assertThat(CamundaNumbering.resourceType(6)).contains("PROCESS_DEFINITION");
    assertThat(CamundaNumbering.resourceType("TASK")).contains(7);
    assertThat(CamundaNumbering.resourceType(3)).isEmpty();
    assertThat(CamundaNumbering.permissions(2 | 256)).containsExactly("READ", "START_INSTANCE");
    assertThat(CamundaNumbering.permissions(Integer.MAX_VALUE)).containsExactly("ALL");
    assertThat(CamundaNumbering.permission("CREATE_INSTANCE")).isEqualTo("START_INSTANCE");
    assertThat(CamundaNumbering.camundaPermission("START_INSTANCE")).isEqualTo("CREATE_INSTANCE");
    assertThat(CamundaNumbering.ruleType(2)).contains("REVOKE");
    assertThat(CamundaNumbering.ruleType("GLOBAL")).isZero();
    assertThat(CamundaNumbering.ruleType(3)).isEmpty();
  }

  @Test
  void z2_everyResourceTypeHasOneNumberAndBulwarksOwnStartAtOneHundred() {
    Set<Integer> numbers = new HashSet<>();
    for (ResourceType type : ResourceType.values()) {
      int number = CamundaNumbering.resourceType(type.name()).orElseThrow();
      assertThat(numbers.add(number)).as("%s has a number of its own", type).isTrue();
      assertThat(CamundaNumbering.resourceType(number)).contains(type.name());
    }
    assertThat(CamundaNumbering.resourceType("EXTERNAL_TASK_TOPIC").orElseThrow())
        .isGreaterThanOrEqualTo(CamundaNumbering.BULWARK_TYPES_FROM);
  }

  @Test
  void z2_everyPermissionWithACamundaBitIsABulwarkPermission() {
    Set<String> names = new HashSet<>();
    Arrays.stream(Permission.values()).map(Enum::name).forEach(names::add);
    assertThat(names).containsAll(CamundaNumbering.permissions(0xFFFF));
  }
}
