package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.CallActivity;
import io.bulwark.engine.bpmn.model.CalledElementBinding;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.VariableMapping;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Call activities with a fixed called element and copy-only variable mappings. */
final class CallActivityReader implements ElementReader {

  private static final Set<String> ATTRIBUTES =
      UserTaskReader.union(
          ReadContext.ASYNC_ATTRIBUTES,
          Set.of("calledElementBinding", "calledElementVersion", "calledElementVersionTag"));

  /** Camunda's attributes of a call activity that starts a CMMN case instead of a process. */
  private static final Set<String> CASE_ATTRIBUTES =
      Set.of("caseRef", "caseBinding", "caseVersion", "caseTenantId");

  /** The rule a call activity naming a case breaks; the conformance report puts it out of scope. */
  static final String CMMN_UNSUPPORTED =
      "a call activity calling a CMMN case (camunda:caseRef, camunda:caseBinding) is not supported:"
          + " Bulwark runs BPMN processes only, CMMN is out of scope; call a process with"
          + " calledElement";

  private static boolean callsCase(XmlElement element) {
    return CASE_ATTRIBUTES.stream()
        .anyMatch(name -> element.attribute(Namespaces.CAMUNDA, name) != null);
  }

  /** Camunda's delegated variable mappings: a Java class or bean maps the variables. */
  private static final Set<String> MAPPING_CODE_ATTRIBUTES =
      Set.of("variableMappingClass", "variableMappingDelegateExpression");

  /** Refuses delegated variable mappings by policy: they run code in the engine (Z10). */
  private static void refuseMappingCode(XmlElement element, ReadContext ctx) {
    for (String attribute : MAPPING_CODE_ATTRIBUTES) {
      String value = element.attribute(Namespaces.CAMUNDA, attribute);
      if (value != null) {
        ctx.problem(
            element,
            "camunda:"
                + attribute
                + "='"
                + value
                + "' is refused: a delegated variable mapping runs code in the engine (Z10);"
                + " map variables with camunda:in and camunda:out");
      }
    }
  }

  @Override
  public FlowNode read(XmlElement element, String scopeId, ScopeReader scopes, ReadContext ctx) {
    String called = element.attribute("calledElement");
    refuseMappingCode(element, ctx);
    Set<String> allowed = UserTaskReader.union(ATTRIBUTES, MAPPING_CODE_ATTRIBUTES);
    if (callsCase(element)) {
      ctx.problem(element, CMMN_UNSUPPORTED);
      ctx.checkShape(element, UserTaskReader.union(allowed, CASE_ATTRIBUTES), Set.of());
    } else {
      ctx.checkShape(element, allowed, Set.of());
    }
    if (callsCase(element)) {
      // reported above; no follow-on problem about the missing calledElement (issue 16, item 7)
    } else if (called == null || called.isBlank()) {
      ctx.problem(element, "call activity has no calledElement");
    }
    Expression calledExpression =
        called != null && isExpression(called)
            ? ctx.expression(element, "calledElement", called)
            : null;
    List<VariableMapping> in = new ArrayList<>();
    List<VariableMapping> out = new ArrayList<>();
    for (XmlElement mapping : ctx.extensions(element, Set.of("in", "out"))) {
      VariableMapping m = mapping(element, mapping, ctx);
      if (m != null) {
        (mapping.localName().equals("in") ? in : out).add(m);
      }
    }
    CalledElementBinding binding = binding(element, ctx, "calledElementBinding");
    String bindingValue =
        switch (binding) {
          case VERSION -> element.attribute(Namespaces.CAMUNDA, "calledElementVersion");
          case VERSION_TAG -> element.attribute(Namespaces.CAMUNDA, "calledElementVersionTag");
          default -> null;
        };
    Expression versionExpression = null;
    if (binding == CalledElementBinding.VERSION
        && bindingValue != null
        && isExpression(bindingValue)) {
      versionExpression = ctx.expression(element, "camunda:calledElementVersion", bindingValue);
    } else if (binding == CalledElementBinding.VERSION
        && (bindingValue == null || !bindingValue.matches("\\d{1,9}"))) {
      ctx.problem(element, "camunda:calledElementVersion must be a version number");
    }
    return new CallActivity(
        ctx.requireId(element),
        element.attribute("name"),
        element.line(),
        scopeId,
        ctx.async(element),
        called,
        calledExpression,
        binding,
        bindingValue,
        versionExpression,
        in,
        out);
  }

  private static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  /** Reads {@code camunda:<attribute>} (latest, deployment, version; versionTag is refused). */
  static CalledElementBinding binding(XmlElement element, ReadContext ctx, String attribute) {
    String value = element.attribute(Namespaces.CAMUNDA, attribute);
    if (value == null) {
      return CalledElementBinding.LATEST;
    }
    switch (value) {
      case "latest" -> {
        return CalledElementBinding.LATEST;
      }
      case "deployment" -> {
        return CalledElementBinding.DEPLOYMENT;
      }
      case "version" -> {
        return CalledElementBinding.VERSION;
      }
      case "versionTag" -> {
        // Refused here rather than failing every instance at run time (issue 16, item 8).
        ctx.problem(
            element,
            "camunda:"
                + attribute
                + " \"versionTag\" is not supported yet; use latest, deployment or version");
        return CalledElementBinding.VERSION_TAG;
      }
      default -> {
        ctx.problem(element, "unknown camunda:" + attribute + " '" + value + "'");
        return CalledElementBinding.LATEST;
      }
    }
  }

  /** What a {@code camunda:in} or {@code camunda:out} may carry. */
  private static final java.util.Set<String> MAPPING_ATTRIBUTES =
      java.util.Set.of("source", "target", "variables", "local", "sourceExpression", "businessKey");

  /** {@code ${execution.processBusinessKey}}, or with {@code #}: the caller's business key. */
  private static final java.util.regex.Pattern CALLERS_KEY =
      java.util.regex.Pattern.compile("[$#]\\{\\s*execution\\s*\\.\\s*processBusinessKey\\s*}");

  /**
   * {@code camunda:in businessKey} of a call activity: the caller's key, or a safe expression (E2).
   */
  private static @Nullable VariableMapping businessKey(
      XmlElement owner, XmlElement m, String kind, String text, ReadContext ctx) {
    if (!owner.localName().equals("callActivity") || !m.localName().equals("in")) {
      ctx.problem(
          owner.id(), m, kind + " businessKey is supported on a call activity's camunda:in");
      return null;
    }
    if (CALLERS_KEY.matcher(text).matches()) {
      return new VariableMapping.BusinessKey(null);
    }
    Expression value = ctx.expression(owner, kind + " businessKey", text);
    return value == null ? null : new VariableMapping.BusinessKey(value);
  }

  /**
   * One {@code camunda:in} or {@code camunda:out} copy of {@code owner}; null (with a problem) when
   * it is not one: expressions are refused (E2).
   */
  static @Nullable VariableMapping mapping(XmlElement owner, XmlElement m, ReadContext ctx) {
    String kind = "camunda:" + m.localName().toLowerCase(Locale.ROOT);
    for (var name : m.attributes().keySet()) {
      String local = name.getLocalPart();
      if (!MAPPING_ATTRIBUTES.contains(local)) {
        ctx.problem(
            owner.id(),
            m,
            kind
                + " attribute '"
                + local
                + "' is not supported; mappings copy variables only, without expressions (E2)");
        return null;
      }
    }
    boolean localOnly = "true".equals(m.attribute("local"));
    String businessKey = m.attribute("businessKey");
    if (businessKey != null) {
      return businessKey(owner, m, kind, businessKey.strip(), ctx);
    }
    String sourceExpression = m.attribute("sourceExpression");
    if (sourceExpression != null) {
      String target = m.attribute("target");
      if (target == null || target.isBlank()) {
        ctx.problem(owner.id(), m, kind + " sourceExpression needs a target");
        return null;
      }
      Expression value =
          ctx.expression(owner, kind + " sourceExpression", sourceExpression.strip());
      return value == null ? null : new VariableMapping.Computed(value, target, localOnly);
    }
    if ("all".equals(m.attribute("variables")) && m.attribute("source") == null) {
      return localOnly ? new VariableMapping.AllLocal() : new VariableMapping.All();
    }
    String source = m.attribute("source");
    String target = m.attribute("target");
    if (source == null || target == null || source.isBlank() || target.isBlank()) {
      ctx.problem(owner.id(), m, kind + " needs source and target, or variables=\"all\"");
      return null;
    }
    return localOnly
        ? new VariableMapping.LocalCopy(source, target)
        : new VariableMapping.Copy(source, target);
  }
}
