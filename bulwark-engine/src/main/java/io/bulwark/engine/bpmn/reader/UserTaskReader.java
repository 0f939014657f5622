package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.NodeForm;
import io.bulwark.engine.bpmn.model.UserTask;
import io.bulwark.engine.bpmn.model.UserTaskSpec;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** User tasks with Camunda assignment attributes and an optional generated form. */
final class UserTaskReader implements ElementReader {

  private static final Set<String> ATTRIBUTES =
      union(
          union(ReadContext.ASYNC_ATTRIBUTES, NodeFormReader.ATTRIBUTES),
          Set.of(
              "assignee",
              "candidateUsers",
              "candidateGroups",
              "dueDate",
              "followUpDate",
              "priority"));

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    ctx.checkShape(element, ATTRIBUTES, Set.of("humanPerformer", "potentialOwner"));
    ResourceAssignmentReader.Assignment bpmn = ResourceAssignmentReader.read(element, ctx);
    NodeForm form =
        NodeFormReader.read(
            element, ctx.extensions(element, Set.of("formData")), "a user task", ctx);
    Expression assignee = single(element, "assignee", ctx);
    if (assignee != null && bpmn.humanPerformer() != null) {
      ctx.problem(element, "a user task has either camunda:assignee or bpmn:humanPerformer");
    }
    UserTaskSpec spec =
        new UserTaskSpec(
            assignee != null ? assignee : bpmn.humanPerformer(),
            concat(list(element, "candidateUsers", ctx), bpmn.candidateUsers()),
            concat(list(element, "candidateGroups", ctx), bpmn.candidateGroups()),
            single(element, "dueDate", ctx),
            single(element, "priority", ctx),
            form.formKey(),
            form.fields(),
            form.camundaForm(),
            single(element, "followUpDate", ctx));
    return new UserTask(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        spec);
  }

  private static @Nullable Expression single(
      XmlElement element, String attribute, ReadContext ctx) {
    String text = element.attribute(Namespaces.CAMUNDA, attribute);
    return text == null || text.isBlank()
        ? null
        : ctx.expression(element, "camunda:" + attribute, text);
  }

  /** A single {@code ${…}} may return a list; plain text is split at commas. */
  private static List<Expression> list(XmlElement element, String attribute, ReadContext ctx) {
    String text = element.attribute(Namespaces.CAMUNDA, attribute);
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Expression> result = new ArrayList<>();
    String[] parts = text.strip().startsWith("${") ? new String[] {text} : text.split(",");
    for (String part : parts) {
      if (!part.isBlank()) {
        Expression e = ctx.expression(element, "camunda:" + attribute, part.strip());
        if (e != null) {
          result.add(e);
        }
      }
    }
    return result;
  }

  private static List<Expression> concat(List<Expression> a, List<Expression> b) {
    List<Expression> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
