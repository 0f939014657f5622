package io.bulwark.engine.bpmn;

import io.bulwark.engine.bpmn.model.BpmnError;
import io.bulwark.engine.bpmn.model.BpmnMessage;
import io.bulwark.engine.bpmn.model.ProcessModel;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The result of reading one BPMN document: its executable processes in document order, and the
 * messages and errors defined at definitions level, by ID. Immutable.
 */
public record ParsedDeployment(
    List<ProcessModel> processes,
    Map<String, BpmnMessage> messages,
    Map<String, BpmnError> errors) {

  public ParsedDeployment {
    processes = List.copyOf(processes);
    messages = Map.copyOf(messages);
    errors = Map.copyOf(errors);
  }

  /** The process with this ID; {@link NoSuchElementException} if there is none. */
  public ProcessModel process(String id) {
    return processes.stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no process " + id + " in deployment"));
  }
}
