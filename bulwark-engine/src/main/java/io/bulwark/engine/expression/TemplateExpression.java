package io.bulwark.engine.expression;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Text with embedded {@code ${…}} parts; evaluates to a string, null parts become empty. */
record TemplateExpression(String source, List<Object> parts) implements Expression {

  TemplateExpression {
    parts = List.copyOf(parts);
  }

  @Override
  public @Nullable Object evaluate(VariableLookup variables) {
    StringBuilder out = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof ElNode node) {
        Object value = new ElExpression(source, node).evaluate(variables);
        out.append(value == null ? "" : value);
      } else {
        out.append(part);
      }
    }
    return out.toString();
  }

  @Override
  public ExpressionLanguage language() {
    return ExpressionLanguage.EL;
  }
}
