package io.bulwark.bench.camunda;

import io.bulwark.bench.api.BenchProcess;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** The workload processes, built with Camunda's fluent model API. */
final class CamundaModels {

  private CamundaModels() {}

  static BpmnModelInstance of(BenchProcess process) {
    String group = BenchProcess.CANDIDATE_GROUP;
    return switch (process) {
      case USER_TASK ->
          Bpmn.createExecutableProcess(process.key())
              .startEvent()
              .userTask("task")
              .camundaCandidateGroups(group)
              .endEvent()
              .done();
      case GATEWAY ->
          Bpmn.createExecutableProcess(process.key())
              .startEvent()
              .exclusiveGateway("split")
              .condition("high", "${amount > 1000}")
              .userTask("review")
              .camundaCandidateGroups(group)
              .endEvent("reviewed")
              .moveToNode("split")
              .condition("low", "${amount <= 1000}")
              .userTask("check")
              .camundaCandidateGroups(group)
              .endEvent("checked")
              .done();
      case EXTERNAL_TASK ->
          Bpmn.createExecutableProcess(process.key())
              .startEvent()
              .serviceTask("work")
              .camundaExternalTask(BenchProcess.TOPIC)
              .endEvent()
              .done();
    };
  }
}
