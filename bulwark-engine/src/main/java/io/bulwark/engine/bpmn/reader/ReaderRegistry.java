package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.ElementType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The table of supported BPMN elements and their readers, and the reasons for the elements Bulwark
 * rejects by name. An element in neither table is rejected as unknown.
 */
final class ReaderRegistry {

  private static final Map<String, ElementReader> READERS =
      Map.ofEntries(
          Map.entry("startEvent", new StartEventReader()),
          Map.entry("endEvent", new EndEventReader()),
          Map.entry("intermediateCatchEvent", new IntermediateCatchEventReader()),
          Map.entry("boundaryEvent", new BoundaryEventReader()),
          Map.entry("userTask", new UserTaskReader()),
          Map.entry("serviceTask", new ServiceTaskReader()),
          Map.entry("scriptTask", new ScriptTaskReader()),
          Map.entry("exclusiveGateway", new ExclusiveGatewayReader()),
          Map.entry("parallelGateway", new ParallelGatewayReader()),
          Map.entry("inclusiveGateway", new InclusiveGatewayReader()),
          Map.entry("subProcess", new SubProcessReader(false)),
          Map.entry("transaction", new SubProcessReader(true)),
          Map.entry("callActivity", new CallActivityReader()),
          Map.entry("task", new PassThroughTaskReader(ElementType.TASK)),
          Map.entry("receiveTask", new ReceiveTaskReader()),
          Map.entry("manualTask", new PassThroughTaskReader(ElementType.MANUAL_TASK)),
          Map.entry("intermediateThrowEvent", new IntermediateThrowEventReader()),
          Map.entry("eventBasedGateway", new EventBasedGatewayReader()),
          Map.entry("businessRuleTask", new BusinessRuleTaskReader()),
          Map.entry("sendTask", new SendTaskReader()));

  private static final Map<String, String> REJECTED =
      Map.ofEntries(
          Map.entry("complexGateway", "complex gateways are not supported"),
          Map.entry("adHocSubProcess", "ad-hoc sub-processes are not supported"));

  private ReaderRegistry() {}

  /** The reader for a BPMN element name, or null. */
  static @Nullable ElementReader reader(String localName) {
    return READERS.get(localName);
  }

  /** Why an element is rejected; a generic reason for elements we do not know. */
  static String rejection(String localName) {
    return REJECTED.getOrDefault(localName, "it is not in the supported BPMN subset");
  }
}
