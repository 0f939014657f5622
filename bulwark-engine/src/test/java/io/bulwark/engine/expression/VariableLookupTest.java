package io.bulwark.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariableLookupTest {

  @Test
  void aLazyLookupConvertsOnlyTheVariablesAnExpressionReadsAndEachOnce() {
    List<String> converted = new ArrayList<>();
    VariableLookup lookup =
        VariableLookup.lazy(
            Set.of("amount", "payload", "empty"),
            name -> {
              converted.add(name);
              return name.equals("amount") ? 1500L : null;
            });

    Object value = new ExpressionCompiler().compile("${amount > 1000}").evaluate(lookup);
    new ExpressionCompiler().compile("${amount > 1000}").evaluate(lookup);

    assertThat(value).isEqualTo(true);
    assertThat(converted).containsExactly("amount");
    assertThat(lookup.contains("empty")).isTrue();
    assertThat(lookup.get("empty")).isNull();
    assertThat(lookup.contains("unknown")).isFalse();
    assertThat(lookup.get("unknown")).isNull();
    assertThat(converted).containsExactly("amount", "empty");
    assertThat(lookup.names()).containsExactlyInAnyOrder("amount", "payload", "empty");
  }
}
