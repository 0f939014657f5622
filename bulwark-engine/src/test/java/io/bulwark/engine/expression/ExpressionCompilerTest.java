package io.bulwark.engine.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExpressionCompilerTest {

  private static final ExpressionCompiler COMPILER = new ExpressionCompiler();

  private static VariableLookup vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("amount", 1500);
    v.put("price", 2.5);
    v.put("name", "Ada");
    v.put("approved", true);
    v.put("nothing", null);
    v.put("tags", List.of("a", "b"));
    v.put("customer", Map.of("address", Map.of("city", "Bern"), "vip", true));
    v.put("blank", "");
    return VariableLookup.of(v);
  }

  static Stream<Arguments> evaluates() {
    return Stream.of(
        Arguments.of("${amount > 1000}", true),
        Arguments.of("${amount gt 2000}", false),
        Arguments.of("${amount >= 1500 && approved}", true),
        Arguments.of("${amount < 10 or not approved}", false),
        Arguments.of("${amount == 1500}", true),
        Arguments.of("${amount eq 1500.0}", true),
        Arguments.of("${name != 'Bob'}", true),
        Arguments.of("${name ne \"Ada\"}", false),
        Arguments.of("${amount + 500}", 2000L),
        Arguments.of("#{amount + 500}", 2000L),
        Arguments.of("to #{name}", "to Ada"),
        Arguments.of("${amount - 2 * 250}", 1000L),
        Arguments.of("${amount % 7}", 2L),
        Arguments.of("${amount / 1000}", new BigDecimal("1.5")),
        Arguments.of("${amount div 3 > 499}", true),
        Arguments.of("${price * 2}", new BigDecimal("5.0")),
        Arguments.of("${-amount}", -1500L),
        Arguments.of("${(amount + 500) * 2}", 4000L),
        Arguments.of("${customer.address.city}", "Bern"),
        Arguments.of("${customer['vip']}", true),
        Arguments.of("${customer.missing}", null),
        Arguments.of("${tags[1]}", "b"),
        Arguments.of("${empty tags}", false),
        Arguments.of("${empty blank}", true),
        Arguments.of("${empty nothing}", true),
        Arguments.of("${nothing == null}", true),
        Arguments.of("${!approved}", false),
        Arguments.of("${amount > 1000 ? 'big' : 'small'}", "big"),
        Arguments.of("${approved}", true),
        Arguments.of("Hello ${name}, you owe ${amount}", "Hello Ada, you owe 1500"),
        Arguments.of("plain text", "plain text"),
        Arguments.of("=amount > 1000", true),
        Arguments.of("=customer.address.city", "Bern"),
        Arguments.of("=if approved then \"yes\" else \"no\"", "yes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void evaluates(String text, Object expected) {
    assertThat(COMPILER.compile(text).evaluate(vars())).isEqualTo(expected);
  }

  static Stream<Arguments> e2_rejectsAtCompileTime() {
    return Stream.of(
        Arguments.of("${''.getClass().forName('java.lang.Runtime')}", "'getClass' is not allowed"),
        Arguments.of("${Runtime.getRuntime().exec('id')}", "'Runtime' is not allowed"),
        Arguments.of("${T(java.lang.Runtime)}", "'T' is not allowed"),
        Arguments.of("${myBean.doIt()}", "method call 'doIt(…)'"),
        Arguments.of("${doIt()}", "call of 'doIt(…)' is not allowed"),
        Arguments.of("${new java.io.File('x')}", "'new' is not allowed"),
        Arguments.of("${amount} #{amount}", "mixes '${…}' and '#{…}'"),
        Arguments.of("#{myBean.doIt()}", "method call 'doIt(…)'"),
        Arguments.of("${x.class}", "'class' is not allowed"),
        Arguments.of("${x['getClass']}", "'getClass' is not allowed"),
        Arguments.of("${x[y]}", "bracket access takes only a string or integer literal"),
        Arguments.of("${execution.getVariable('a')}", "'execution' is not allowed"),
        Arguments.of("${System.exit(1)}", "'System' is not allowed"),
        Arguments.of("${a.b.c()}", "method call 'c(…)'"),
        Arguments.of("${'a'('b')}", "function call"),
        Arguments.of("${amount >}", "expression ends too early"),
        Arguments.of("${amount", "no closing '}'"),
        Arguments.of("${amount @ 2}", "unexpected character '@'"),
        Arguments.of("${" + "(".repeat(40) + "1" + ")".repeat(40) + "}", "nested deeper than 32"),
        Arguments.of("x".repeat(5000), "the limit is 4000"),
        Arguments.of(
            "=function(x) external {java: {class: \"java.lang.Runtime\","
                + " method signature: \"getRuntime()\"}}",
            "external functions would invoke Java"),
        Arguments.of("=1 +", "FEEL expression =1 + rejected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void e2_rejectsAtCompileTime(String text, String reason) {
    assertThatThrownBy(() -> COMPILER.compile(text))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining(reason);
  }

  static Stream<Arguments> failsAtRuntimeWithClearMessage() {
    return Stream.of(
        Arguments.of("${unknown > 1}", "unknown variable 'unknown'"),
        Arguments.of("${name.length}", "only JSON objects have properties"),
        Arguments.of("${name > 1}", "expected a number"),
        Arguments.of("${amount / 0}", "division by zero"),
        Arguments.of("${amount && true}", "expected a boolean"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void failsAtRuntimeWithClearMessage(String text, String reason) {
    Expression e = COMPILER.compile(text);
    assertThatThrownBy(() -> e.evaluate(vars()))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining(text)
        .hasMessageContaining(reason);
  }

  @Test
  void conditionMustBeBoolean() {
    assertThatThrownBy(() -> COMPILER.compile("${name}").evaluateCondition(vars()))
        .hasMessageContaining("not a boolean");
  }

  @Test
  void e2_feelEngineItselfRefusesExternalJavaFunctions() {
    // Bypasses our deployment-time check to prove the engine configuration is safe on its own.
    var engine = FeelSupport.shared().engine();
    var result =
        engine.evaluateExpression(
            "{f: function() external {java: {class: \"java.lang.System\","
                + " method signature: \"currentTimeMillis()\"}}, r: f()}.r",
            new HashMap<String, Object>());
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failure().message()).containsIgnoringCase("external");
  }

  @Test
  void feelLanguageHintCompilesWithoutLeadingEquals() {
    Expression e = COMPILER.compile("amount > 1000", ExpressionLanguage.FEEL);
    assertThat(e.language()).isEqualTo(ExpressionLanguage.FEEL);
    assertThat(e.evaluateCondition(vars())).isTrue();
  }

  @Test
  void e2_dateTimeHelpersOfCamundaModelsAreSafeFunctions() {
    java.time.Instant before = java.time.Instant.now();
    Object due = COMPILER.compile("${dateTime().plusWeeks(1).toDate()}").evaluate(vars());
    assertThat(due).isInstanceOf(java.time.Instant.class);
    assertThat((java.time.Instant) due)
        .isBetween(
            before.plus(java.time.Duration.ofDays(7)),
            java.time.Instant.now().plus(java.time.Duration.ofDays(7)));
    Object earlier = COMPILER.compile("${dateTime().minusDays(2).toDate()}").evaluate(vars());
    assertThat((java.time.Instant) earlier).isBefore(before.minus(java.time.Duration.ofDays(1)));
    assertThatThrownBy(() -> COMPILER.compile("${dateTime().toString()}"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("method call 'toString(…)'");
    assertThatThrownBy(() -> COMPILER.compile("${dateTime().plusDays(1000000)}").evaluate(vars()))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("(E8)");
    assertThatThrownBy(() -> COMPILER.compile("${now()}"))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("call of 'now(…)' is not allowed");
  }
}
