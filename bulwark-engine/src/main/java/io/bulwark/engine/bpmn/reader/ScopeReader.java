package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.SequenceFlow;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the flow elements of a process or embedded sub-process, recursing into sub-processes. Only
 * presentation content is skipped: documentation, extension elements (checked by the owner), lanes,
 * text annotations, associations and groups.
 */
final class ScopeReader {

  /** Non-executable content that may sit in a scope and is skipped. */
  static final Set<String> PRESENTATION =
      Set.of(
          "documentation",
          "extensionElements",
          "laneSet",
          "textAnnotation",
          "association",
          "group",
          "incoming",
          "outgoing");

  private final ReadContext context;
  private final List<FlowNode> nodes = new ArrayList<>();
  private final List<SequenceFlow> flows = new ArrayList<>();

  ScopeReader(ReadContext context) {
    this.context = context;
  }

  void readScope(XmlElement scope, String scopeId) {
    for (XmlElement child : scope.children()) {
      if (!child.namespace().equals(Namespaces.BPMN) || PRESENTATION.contains(child.localName())) {
        continue;
      }
      if (child.localName().equals("sequenceFlow")) {
        flows.add(SequenceFlowReader.read(child, scopeId, context));
        continue;
      }
      ElementReader reader = ReaderRegistry.reader(child.localName());
      if (reader == null) {
        context.problem(
            child,
            child.displayName()
                + " '"
                + child.id()
                + "' (line "
                + child.line()
                + ") is not supported: "
                + ReaderRegistry.rejection(child.localName()));
        context.unread(child);
        continue;
      }
      FlowNode node = reader.read(child, scopeId, this, context);
      if (node != null) {
        nodes.add(node);
      } else {
        context.unread(child);
      }
    }
  }

  List<FlowNode> nodes() {
    return List.copyOf(nodes);
  }

  List<SequenceFlow> flows() {
    return List.copyOf(flows);
  }
}
