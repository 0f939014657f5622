package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The BPMN way to assign a user task, as Camunda reads it: {@code bpmn:humanPerformer} names the
 * assignee; {@code bpmn:potentialOwner} lists candidates, {@code user(x)} a candidate user, {@code
 * group(x)} or a plain name a candidate group. Each value may be an {@code ${…}} expression (E2).
 */
final class ResourceAssignmentReader {

  /** Assignee and candidates read from the BPMN elements; lists are empty when absent. */
  record Assignment(
      @Nullable Expression humanPerformer,
      List<Expression> candidateUsers,
      List<Expression> candidateGroups) {}

  private ResourceAssignmentReader() {}

  static Assignment read(XmlElement task, ReadContext ctx) {
    Expression performer = null;
    List<XmlElement> performers = task.children(Namespaces.BPMN, "humanPerformer");
    if (performers.size() > 1) {
      ctx.problem(task, "a user task has at most one bpmn:humanPerformer");
    }
    for (XmlElement element : performers) {
      String text = formalExpression(task, element, ctx);
      if (text != null) {
        performer = ctx.expression(task, "bpmn:humanPerformer", text);
      }
    }
    List<Expression> users = new ArrayList<>();
    List<Expression> groups = new ArrayList<>();
    for (XmlElement owner : task.children(Namespaces.BPMN, "potentialOwner")) {
      String text = formalExpression(task, owner, ctx);
      if (text == null) {
        continue;
      }
      for (String part : splitOutsideExpressions(text)) {
        String entry = part.strip();
        boolean user = entry.startsWith("user(") && entry.endsWith(")");
        boolean group = entry.startsWith("group(") && entry.endsWith(")");
        String value =
            user || group ? entry.substring(entry.indexOf('(') + 1, entry.length() - 1) : entry;
        if (value.isBlank()) {
          continue;
        }
        Expression e = ctx.expression(task, "bpmn:potentialOwner", value.strip());
        if (e != null) {
          (user ? users : groups).add(e);
        }
      }
    }
    return new Assignment(performer, users, groups);
  }

  private static @Nullable String formalExpression(
      XmlElement task, XmlElement holder, ReadContext ctx) {
    XmlElement assignment = holder.child(Namespaces.BPMN, "resourceAssignmentExpression");
    XmlElement formal =
        assignment == null ? null : assignment.child(Namespaces.BPMN, "formalExpression");
    if (formal == null || formal.text().isBlank()) {
      ctx.problem(
          task.id(),
          holder,
          holder.displayName() + " needs a resourceAssignmentExpression with a formalExpression");
      return null;
    }
    return formal.text().strip();
  }

  /** Splits at commas that are not inside {@code ${…}}. */
  private static List<String> splitOutsideExpressions(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
