package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.BpmnError;
import io.bulwark.engine.bpmn.model.BpmnEscalation;
import io.bulwark.engine.bpmn.model.BpmnMessage;
import io.bulwark.engine.bpmn.model.BpmnSignal;
import io.bulwark.engine.bpmn.model.ExecutionListeners;
import io.bulwark.engine.bpmn.model.JobPriorities;
import io.bulwark.engine.bpmn.model.JobRetryCycle;
import io.bulwark.engine.bpmn.model.ProcessHeader;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code bpmn:definitions}: messages and errors first (so events can resolve them), then
 * every executable process. Non-executable processes (documentation pools) and collaborations are
 * skipped, as Camunda does; diagrams are presentation.
 */
final class DefinitionsReader {

  private static final Set<String> SKIPPED =
      // Data stores are documentation in Camunda 7: nothing executes them.
      Set.of("collaboration", "documentation", "extensionElements", "dataStore");

  /** Definitions-level elements that events refer to; read first. */
  private static final Set<String> DEFINITIONS_LEVEL =
      Set.of("message", "error", "escalation", "signal");

  /** The process property that marks variables sensitive (D1). */
  static final String SENSITIVE_VARIABLES = "bulwark:sensitiveVariables";

  /**
   * {@code candidateStarterGroups/Users} (and {@code camunda:potentialStarter}) are informational,
   * as in Camunda 7 (which only filters a "startable by" query with them and never checks them at
   * start): who may start is decided by START_INSTANCE authorizations alone, as the README says.
   */
  private static final Set<String> PROCESS_ATTRIBUTES =
      Set.of(
          "versionTag",
          "historyTimeToLive",
          "isStartableInTasklist",
          "candidateStarterGroups",
          "candidateStarterUsers",
          JobPriorityReader.ATTRIBUTE);

  private DefinitionsReader() {}

  /** Result of reading: the parts of a deployment plus every problem found. */
  record Result(
      List<ProcessModel> processes,
      Map<String, BpmnMessage> messages,
      Map<String, BpmnError> errors,
      List<Problem> problems) {}

  static Result read(XmlElement definitions, ParseOptions options) {
    Map<String, BpmnMessage> messages = new LinkedHashMap<>();
    Map<String, BpmnError> errors = new LinkedHashMap<>();
    List<Problem> early = new ArrayList<>();
    for (XmlElement child : withId(definitions, "message", early)) {
      if (child.attribute("name") == null || child.attribute("name").isBlank()) {
        early.add(
            new Problem(idOf(child), child.line(), "bpmn:message has no name to correlate on"));
      }
      messages.put(
          idOf(child), new BpmnMessage(idOf(child), child.attribute("name"), child.line()));
    }
    for (XmlElement child : withId(definitions, "error", early)) {
      errors.put(
          idOf(child),
          new BpmnError(
              idOf(child), child.attribute("name"), child.attribute("errorCode"), child.line()));
    }
    Map<String, BpmnEscalation> escalations = new LinkedHashMap<>();
    for (XmlElement child : withId(definitions, "escalation", early)) {
      escalations.put(
          idOf(child),
          new BpmnEscalation(
              idOf(child),
              child.attribute("name"),
              child.attribute("escalationCode"),
              child.line()));
    }
    Map<String, BpmnSignal> signals = new LinkedHashMap<>();
    for (XmlElement child : withId(definitions, "signal", early)) {
      String name = child.attribute("name");
      if (name == null || name.isBlank()) {
        early.add(new Problem(idOf(child), child.line(), "bpmn:signal has no name to broadcast"));
      } else if (signals.values().stream().anyMatch(s -> s.name().equals(name))) {
        early.add(
            new Problem(
                idOf(child), child.line(), "duplicate signal name '" + name + "' (as in Camunda)"));
      } else {
        signals.put(idOf(child), new BpmnSignal(idOf(child), name, child.line()));
      }
    }
    ReadContext ctx =
        new ReadContext(options, Map.copyOf(messages), Map.copyOf(errors), Map.copyOf(escalations));
    ctx.signals(signals);
    ctx.extensions(definitions, Set.of());
    List<ProcessModel> processes = new ArrayList<>();
    for (XmlElement child : definitions.children()) {
      if (!child.namespace().equals(Namespaces.BPMN)) {
        continue; // bpmndi:BPMNDiagram: presentation only
      }
      String name = child.localName();
      if (name.equals("process")) {
        if ("true".equals(child.attribute("isExecutable"))) {
          processes.add(process(child, ctx));
        }
      } else if (!DEFINITIONS_LEVEL.contains(name) && !SKIPPED.contains(name)) {
        ctx.problem(
            child, child.displayName() + " is not supported: " + ReaderRegistry.rejection(name));
      }
    }
    List<Problem> problems = new ArrayList<>(early);
    problems.addAll(ctx.problems());
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(null, definitions.line(), "the file has no executable process"));
    }
    return new Result(processes, messages, errors, problems);
  }

  /** Definitions-level elements named {@code name}; those without id are reported and skipped. */
  /** The ID of an element that {@link #withId} kept. */
  private static String idOf(XmlElement child) {
    return Objects.requireNonNull(child.id(), "withId keeps elements with an id");
  }

  private static List<XmlElement> withId(
      XmlElement definitions, String name, List<Problem> problems) {
    List<XmlElement> result = new ArrayList<>();
    for (XmlElement child : definitions.children(Namespaces.BPMN, name)) {
      if (child.id() == null || child.id().isBlank()) {
        problems.add(new Problem(null, child.line(), child.displayName() + " has no id"));
      } else {
        result.add(child);
      }
    }
    return result;
  }

  private static ProcessModel process(XmlElement process, ReadContext ctx) {
    ctx.checkAttributes(process, PROCESS_ATTRIBUTES);
    // camunda:potentialStarter: the candidate starters in extension form, informational alike
    ctx.extensions(process, Set.of("potentialStarter"));
    String id = ctx.requireId(process);
    ScopeReader scope = new ScopeReader(ctx);
    scope.readScope(process, id);
    ProcessHeader header =
        new ProcessHeader(
            id,
            process.attribute("name"),
            true,
            process.attribute(Namespaces.CAMUNDA, "versionTag"),
            historyTimeToLive(process, ctx),
            process.line(),
            sensitiveVariables(process, ctx));
    StructureValidator.check(header, scope.nodes(), scope.flows(), scope.defaultFlows(), ctx);
    ProcessStartRules.check(id, scope.nodes(), ctx);
    var compensation =
        CompensationLinker.link(
            scope.nodes(), scope.flows(), scope.associations(), scope.forCompensation(), ctx);
    return new ProcessModel(
        header,
        scope.nodes(),
        scope.flows(),
        scope.defaultFlows(),
        scope.ioMappings(),
        scope.loops(),
        compensation,
        new JobPriorities(JobPriorityReader.read(process, ctx), scope.jobPriorities()),
        new JobRetryCycle.ByNode(scope.retryCycles()),
        listeners(process, id, scope, ctx));
  }

  /** The listeners of the process itself (by its ID) and of its nodes and flows. */
  private static ExecutionListeners listeners(
      XmlElement process, String id, ScopeReader scope, ReadContext ctx) {
    Map<String, List<ExecutionListeners.Listener>> all = new java.util.HashMap<>(scope.listeners());
    List<ExecutionListeners.Listener> own =
        ExecutionListenerReader.read(process, ExecutionListenerReader.NODE_EVENTS, ctx);
    if (!own.isEmpty()) {
      all.put(id, own);
    }
    return new ExecutionListeners(all);
  }

  /**
   * The names of the process's {@code <camunda:property name="bulwark:sensitiveVariables"
   * value="iban, salary"/>} (D1): comma-separated variable names.
   */
  private static Set<String> sensitiveVariables(XmlElement process, ReadContext ctx) {
    XmlElement container = process.child(Namespaces.BPMN, "extensionElements");
    if (container == null) {
      return Set.of();
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    for (XmlElement properties : container.children(Namespaces.CAMUNDA, "properties")) {
      for (XmlElement property : properties.children(Namespaces.CAMUNDA, "property")) {
        if (!SENSITIVE_VARIABLES.equals(property.attribute("name"))) {
          continue;
        }
        String value = property.attribute("value");
        for (String name : (value == null ? "" : value).split(",", -1)) {
          if (name.isBlank()) {
            ctx.problem(
                property,
                SENSITIVE_VARIABLES
                    + " must list variable names separated by commas; '"
                    + value
                    + "' has an empty name");
          } else {
            names.add(name.strip());
          }
        }
      }
    }
    return names;
  }

  private static @Nullable Integer historyTimeToLive(XmlElement process, ReadContext ctx) {
    String value = process.attribute(Namespaces.CAMUNDA, "historyTimeToLive");
    if (value == null || value.isBlank()) {
      return null;
    }
    String digits = value.strip();
    if (digits.startsWith("P") && digits.endsWith("D")) {
      digits = digits.substring(1, digits.length() - 1);
    }
    if (!digits.matches("\\d{1,6}")) {
      ctx.problem(process, "camunda:historyTimeToLive '" + value + "' is not a number of days");
      return null;
    }
    return Integer.valueOf(digits);
  }
}
