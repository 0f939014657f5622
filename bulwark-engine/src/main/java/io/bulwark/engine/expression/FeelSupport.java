package io.bulwark.engine.expression;

import java.util.regex.Pattern;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * The one FEEL engine of the process (E2): built-in functions only, external (Java) functions
 * disabled, no custom function provider. Thread-safe.
 */
final class FeelSupport {

  /**
   * A FEEL function body {@code external {java: …}} invokes Java. The engine refuses it at run
   * time; this check refuses it at deployment so such a model never gets in.
   */
  private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");

  private static final FeelSupport SHARED = new FeelSupport();

  private final FeelEngineApi engine =
      FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

  private FeelSupport() {}

  static FeelSupport shared() {
    return SHARED;
  }

  FeelEngineApi engine() {
    return engine;
  }

  /** Refuses FEEL text that declares an external (Java) function (E2). */
  static void refuseExternal(String body, String source) {
    if (EXTERNAL.matcher(body).find()) {
      throw new ExpressionException(
          "FEEL expression "
              + source
              + " rejected: external functions would invoke Java and are disabled (E2)");
    }
  }

  Expression compile(String body, String source) {
    refuseExternal(body, source);
    ParseResult parsed = engine.parseExpression(body);
    if (parsed.isFailure()) {
      throw new ExpressionException(
          "FEEL expression " + source + " rejected: " + parsed.failure().message());
    }
    return new FeelExpression(source, parsed.parsedExpression(), engine);
  }
}
