package io.bulwark.engine.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles expression text from a model at deployment (E2). Thread-safe and stateless; one shared
 * instance is enough.
 *
 * <ul>
 *   <li>text starting with {@code =}, or any text when the caller passes {@link
 *       ExpressionLanguage#FEEL}: FEEL;
 *   <li>text containing {@code ${…}}: the EL subset; a single {@code ${…}} keeps the value's type,
 *       text around it makes a string template;
 *   <li>anything else: a literal string.
 * </ul>
 *
 * {@code #{…}} (deferred evaluation in Java EL) is read like {@code ${…}}, as Camunda 7 evaluates
 * both the same way: the same grammar, without calls (E2). Mixing both in one text is refused, as
 * Java EL refuses it.
 */
public final class ExpressionCompiler {

  /** Longest expression text accepted, so parsing stays cheap. */
  public static final int MAX_LENGTH = 4_000;

  private final FeelSupport feel = FeelSupport.shared();

  /** Compiles {@code text}, choosing the language from its form. */
  public Expression compile(String text) {
    return compile(text, ExpressionLanguage.EL);
  }

  /**
   * Compiles {@code text}; {@code language} FEEL forces FEEL, any other value lets the form of the
   * text decide.
   *
   * @throws ExpressionException naming the reason when the text is unsafe or malformed
   */
  public Expression compile(String text, ExpressionLanguage language) {
    if (text == null) {
      throw new ExpressionException("expression is missing");
    }
    if (text.length() > MAX_LENGTH) {
      throw new ExpressionException(
          "expression is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
    }
    String trimmed = text.strip();
    if (language == ExpressionLanguage.FEEL) {
      return feel.compile(trimmed.startsWith("=") ? trimmed.substring(1) : trimmed, text);
    }
    if (trimmed.startsWith("=")) {
      return feel.compile(trimmed.substring(1), text);
    }
    boolean deferred = text.contains("#{");
    if (deferred && text.contains("${")) {
      throw new ExpressionException(
          "expression " + text + " mixes '${…}' and '#{…}'; write one kind, as Java EL requires");
    }
    if (!deferred && !text.contains("${")) {
      return new LiteralExpression(text);
    }
    return template(text, deferred ? "#{" : "${");
  }

  private static Expression template(String text, String opener) {
    List<Object> parts = new ArrayList<>();
    int pos = 0;
    while (pos < text.length()) {
      int open = text.indexOf(opener, pos);
      if (open < 0) {
        parts.add(text.substring(pos));
        break;
      }
      if (open > pos) {
        parts.add(text.substring(pos, open));
      }
      int close = closingBrace(text, open + 2);
      ElNode node = parseBody(text.substring(open + 2, close), text);
      parts.add(node);
      pos = close + 1;
    }
    if (parts.size() == 1 && parts.get(0) instanceof ElNode node) {
      return new ElExpression(text, node);
    }
    return new TemplateExpression(text, parts);
  }

  private static ElNode parseBody(String body, String text) {
    try {
      return ElParser.parse(body);
    } catch (ExpressionException e) {
      throw new ExpressionException("expression " + text + " rejected: " + e.getMessage());
    }
  }

  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    throw new ExpressionException("expression " + text + " has no closing '}'");
  }
}
