package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.FlowNode;
import io.bulwark.engine.bpmn.model.ProcessHeader;
import io.bulwark.engine.bpmn.model.StartEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Camunda 7 refuses on the message start events of a process (MessageStartEventTest): a
 * message name given by an expression ({@code ${…}} or {@code #{…}}: the name must be known before
 * any variable exists), and two message start events of one process waiting for the same message
 * name (which of them would start?).
 */
final class MessageStartRules {

  private MessageStartRules() {}

  static void check(ProcessHeader header, List<FlowNode> nodes, ReadContext ctx) {
    Map<String, StartEvent> byName = new HashMap<>();
    for (FlowNode node : nodes) {
      if (!(node instanceof StartEvent start)
          || !start.scopeId().equals(header.id())
          || !(start.definition() instanceof EventDefinition.Message message)
          || message.messageName() == null) {
        continue;
      }
      String name = message.messageName();
      if (name.contains("${") || name.contains("#{")) {
        ctx.report(
            new Problem(
                start.id(),
                start.line(),
                "invalid message name '"
                    + name
                    + "' of a message start event: expressions in the message start event name"
                    + " are not allowed"));
        continue;
      }
      StartEvent first = byName.putIfAbsent(name, start);
      if (first != null) {
        ctx.report(
            new Problem(
                start.id(),
                start.line(),
                "message start events '"
                    + first.id()
                    + "' and '"
                    + start.id()
                    + "' both wait for message '"
                    + name
                    + "'; one message start event per message name in a process"));
      }
    }
  }
}
