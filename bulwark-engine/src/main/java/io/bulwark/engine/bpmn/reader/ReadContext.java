package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.AsyncSettings;
import io.bulwark.engine.bpmn.model.BpmnError;
import io.bulwark.engine.bpmn.model.BpmnEscalation;
import io.bulwark.engine.bpmn.model.BpmnMessage;
import io.bulwark.engine.bpmn.model.BpmnSignal;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import io.bulwark.engine.expression.Expression;
import io.bulwark.engine.expression.ExpressionCompiler;
import io.bulwark.engine.expression.ExpressionException;
import io.bulwark.engine.expression.ExpressionLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/** State shared by the readers of one document: options, definitions, collected problems. */
public final class ReadContext {

  private static final ExpressionCompiler COMPILER = new ExpressionCompiler();

  /** BPMN children every flow node may have; anything else must be read or is rejected. */
  private static final Set<String> COMMON_CHILDREN =
      Set.of(
          "documentation",
          "extensionElements",
          "incoming",
          "outgoing",
          // data associations and properties: documentation in Camunda 7, nothing runs them
          "property",
          "dataInputAssociation",
          "dataOutputAssociation",
          // read for every activity by ScopeReader (MultiInstanceReader)
          "multiInstanceLoopCharacteristics");

  private static final Map<String, String> CAMUNDA_EXTENSION_REASONS =
      Map.of(
          "executionListener", "listeners run code (Z10)",
          "taskListener", "listeners run code (Z10)",
          "script", "scripts are disabled (E3)",
          "connector", "connectors call out of the engine and are not supported",
          "inputOutput", "input/output mappings are read on flow nodes only",
          "field", "field injection into classes is not supported (Z10)");

  private final ParseOptions options;
  private final Map<String, BpmnMessage> messages;
  private final Map<String, BpmnError> errors;
  private final Map<String, BpmnEscalation> escalations;
  private Map<String, BpmnSignal> signals = Map.of();
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> unread = new java.util.HashSet<>();
  private final Map<Integer, Integer> syntheticIds = new java.util.HashMap<>();

  ReadContext(
      ParseOptions options,
      Map<String, BpmnMessage> messages,
      Map<String, BpmnError> errors,
      Map<String, BpmnEscalation> escalations) {
    this.options = options;
    this.messages = messages;
    this.errors = errors;
    this.escalations = escalations;
  }

  /** The definitions-level signals by ID. */
  public Map<String, BpmnSignal> signals() {
    return signals;
  }

  void signals(Map<String, BpmnSignal> byId) {
    this.signals = Map.copyOf(byId);
  }

  public Map<String, BpmnEscalation> escalations() {
    return escalations;
  }

  public ParseOptions options() {
    return options;
  }

  public Map<String, BpmnMessage> messages() {
    return messages;
  }

  public Map<String, BpmnError> errors() {
    return errors;
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Remembers the ID of an element that was reported and not read (unsupported, refused), so that
   * flows and boundary events pointing at it report no follow-on problem (issue 16, item 7).
   */
  void unread(XmlElement element) {
    if (element.id() != null) {
      unread.add(element.id());
    }
  }

  /** Whether {@code id} names an element already reported as not read. */
  boolean isUnread(@Nullable String id) {
    return id != null && unread.contains(id);
  }

  /**
   * An ID for a sequence flow written without one (Camunda accepts them): {@code sequenceFlow@L}
   * with the line, and a suffix when a line holds several. The {@code @} cannot occur in an XML ID,
   * so it never clashes with the model's own IDs.
   */
  String syntheticFlowId(XmlElement element) {
    int n = syntheticIds.merge(element.line(), 1, Integer::sum);
    return "sequenceFlow@" + element.line() + (n == 1 ? "" : "." + n);
  }

  /**
   * Looks up a reference to a definitions-level element ({@code messageRef}, {@code errorRef}…): by
   * the value, else by its local part when the value is a QName such as {@code tns:payment}.
   */
  static <T> @Nullable T reference(Map<String, T> byId, @Nullable String ref) {
    if (ref == null) {
      return null;
    }
    T found = byId.get(ref);
    int colon = ref.indexOf(':');
    return found != null || colon < 0 ? found : byId.get(ref.substring(colon + 1));
  }

  /** Records a problem found outside the XML tree (structure checks). */
  public void report(Problem problem) {
    problems.add(problem);
  }

  /** Records a problem of {@code element} (its ID and line). */
  public void problem(XmlElement element, String message) {
    problems.add(new Problem(element.id(), element.line(), message));
  }

  /** Records a problem for a nested element without ID, named by its owner's ID. */
  public void problem(@Nullable String ownerId, XmlElement element, String message) {
    problems.add(new Problem(ownerId, element.line(), message));
  }

  /** The {@code id} attribute, recording a problem when it is missing. */
  public String requireId(XmlElement element) {
    String id = element.id();
    if (id == null || id.isBlank()) {
      problem(element, element.displayName() + " has no id");
      return "";
    }
    return id;
  }

  /** Compiles an expression, recording a problem (and returning null) when it is rejected (E2). */
  public @Nullable Expression expression(XmlElement element, String what, String text) {
    return expression(element, what, text, ExpressionLanguage.EL);
  }

  /** As {@link #expression(XmlElement, String, String)} with a language hint. */
  public @Nullable Expression expression(
      XmlElement element, String what, String text, ExpressionLanguage language) {
    try {
      return COMPILER.compile(text, language);
    } catch (ExpressionException e) {
      problem(element, what + " of " + element.displayName() + " rejected: " + e.getMessage());
      return null;
    }
  }

  /**
   * Rejects every {@code camunda:} attribute not in {@code allowed}, and every BPMN child not in
   * {@link #COMMON_CHILDREN} or {@code allowedChildren}.
   */
  public void checkShape(XmlElement element, Set<String> allowed, Set<String> allowedChildren) {
    checkAttributes(element, allowed); // isForCompensation: read for every node by ScopeReader
    for (XmlElement child : element.children()) {
      if (child.namespace().equals(Namespaces.BPMN)
          && !COMMON_CHILDREN.contains(child.localName())
          && !allowedChildren.contains(child.localName())) {
        problem(
            element.id(),
            child,
            child.displayName() + " inside " + element.displayName() + " is not supported");
      }
    }
  }

  /** Rejects every {@code camunda:} attribute not in {@code allowed}. */
  public void checkAttributes(XmlElement element, Set<String> allowed) {
    for (QName name : element.attributes().keySet()) {
      if (Namespaces.CAMUNDA.equals(name.getNamespaceURI())
          && !allowed.contains(name.getLocalPart())
          && !readForEveryNode(element, name.getLocalPart())) {
        problem(
            element,
            "attribute camunda:"
                + name.getLocalPart()
                + " on "
                + element.displayName()
                + " is not supported");
      }
    }
  }

  /** {@code camunda:jobPriority} of every flow node is read by ScopeReader (JobPriorityReader). */
  private static boolean readForEveryNode(XmlElement element, String attribute) {
    return attribute.equals(JobPriorityReader.ATTRIBUTE)
        && element.namespace().equals(Namespaces.BPMN)
        && ReaderRegistry.reader(element.localName()) != null;
  }

  /** The namespace of Signavio's modelling metadata ({@code signavio:signavioMetaData}). */
  static final String SIGNAVIO = "http://www.signavio.com";

  /**
   * The {@code camunda:} extension elements of {@code element} whose names are in {@code allowed};
   * records a problem for every other extension element. {@code camunda:properties} and Signavio's
   * metadata elements are accepted and ignored everywhere (presentation metadata).
   */
  public List<XmlElement> extensions(XmlElement element, Set<String> allowed) {
    XmlElement container = element.child(Namespaces.BPMN, "extensionElements");
    if (container == null) {
      return List.of();
    }
    List<XmlElement> accepted = new ArrayList<>();
    for (XmlElement ext : container.children()) {
      boolean camunda = ext.namespace().equals(Namespaces.CAMUNDA);
      if (camunda && ext.localName().equals("properties")) {
        continue;
      }
      if (camunda
          && ext.localName().equals("inputOutput")
          && ReaderRegistry.reader(element.localName()) != null) {
        continue; // every flow node's mapping is read by ScopeReader (IoMappingReader)
      }
      if (JobRetryCycleReader.isRetryCycle(ext)
          && ReaderRegistry.reader(element.localName()) != null) {
        continue; // every flow node's retry cycle is read by ScopeReader (JobRetryCycleReader)
      }
      if (ExecutionListenerReader.isListener(ext) && listensToExecutions(element)) {
        continue; // read by ScopeReader and DefinitionsReader (ExecutionListenerReader)
      }
      if (ext.namespace().equals(SIGNAVIO)) {
        continue; // Signavio's modelling metadata: presentation only, like camunda:properties
      }
      if (camunda && allowed.contains(ext.localName())) {
        accepted.add(ext);
        continue;
      }
      String reason =
          camunda
              ? CAMUNDA_EXTENSION_REASONS.getOrDefault(ext.localName(), "it is not in the subset")
              : "unknown extension namespace";
      problem(
          element.id(),
          ext,
          "extension "
              + ext.displayName()
              + " on "
              + element.displayName()
              + " is not supported: "
              + reason);
    }
    return accepted;
  }

  /** Whether {@code element}'s execution listeners are read: a process, flow node or flow. */
  private static boolean listensToExecutions(XmlElement element) {
    String name = element.localName();
    return name.equals("process")
        || name.equals("sequenceFlow")
        || ReaderRegistry.reader(name) != null;
  }

  /** {@code camunda:asyncBefore/asyncAfter/exclusive} (and the old {@code camunda:async}). */
  public AsyncSettings async(XmlElement element) {
    boolean before = flag(element, "asyncBefore", false) || flag(element, "async", false);
    boolean after = flag(element, "asyncAfter", false);
    boolean exclusive = flag(element, "exclusive", true);
    return new AsyncSettings(before, after, exclusive);
  }

  /**
   * {@link #async} for a node that continues asynchronously only before: {@code asyncAfter} is
   * refused there ({@code what} names the node kind in the message).
   */
  static AsyncSettings asyncBeforeOnly(XmlElement element, ReadContext ctx, String what) {
    AsyncSettings async = ctx.async(element);
    if (async.after()) {
      ctx.problem(
          element, "camunda:asyncAfter on " + what + " is not supported; use camunda:asyncBefore");
    }
    return new AsyncSettings(async.before(), false, async.exclusive());
  }

  /** A {@code camunda:} boolean attribute; anything but true/false is a problem. */
  public boolean flag(XmlElement element, String name, boolean absent) {
    String value = element.attribute(Namespaces.CAMUNDA, name);
    if (value == null) {
      return absent;
    }
    if (!value.equals("true") && !value.equals("false")) {
      problem(element, "camunda:" + name + " must be true or false, not '" + value + "'");
      return absent;
    }
    return Boolean.parseBoolean(value);
  }

  /** Attributes every activity may carry. */
  public static final Set<String> ASYNC_ATTRIBUTES =
      Set.of("asyncBefore", "asyncAfter", "async", "exclusive");
}
