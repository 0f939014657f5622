package io.bulwark.bench.operaton;

import io.bulwark.bench.api.BenchProcess;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;

/** The workload processes, built with Operaton's fluent model API. */
final class OperatonModels {

  private OperatonModels() {}

  static BpmnModelInstance of(BenchProcess process) {
    String group = BenchProcess.CANDIDATE_GROUP;
    return switch (process) {
      case USER_TASK ->
          Bpmn.createExecutableProcess(process.key())
              .startEvent()
              .userTask("task")
              .operatonCandidateGroups(group)
              .endEvent()
              .done();
      case GATEWAY ->
          Bpmn.createExecutableProcess(process.key())
              .startEvent()
              .exclusiveGateway("split")
              .condition("high", "${amount > 1000}")
              .userTask("review")
              .operatonCandidateGroups(group)
              .endEvent("reviewed")
              .moveToNode("split")
              .condition("low", "${amount <= 1000}")
              .userTask("check")
              .operatonCandidateGroups(group)
              .endEvent("checked")
              .done();
      case EXTERNAL_TASK ->
          Bpmn.createExecutableProcess(process.key())
              .startEvent()
              .serviceTask("work")
              .operatonExternalTask(BenchProcess.TOPIC)
              .endEvent()
              .done();
    };
  }
}
