package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.command.EngineDatabase;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * BPMN's own task assignment, as Camunda's TaskAssigneeTest and TaskCandidateTest assert: {@code
 * humanPerformer} is the assignee, {@code potentialOwner} entries are candidate users ({@code
 * user(x)}) or groups ({@code group(x)} or a plain name), expressions included.
 */
class TaskAssignmentIT {

  @AutoClose private TestEngine engine;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void humanPerformerAndPotentialOwnersAssignTheTasks(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml(
        "owners",
        Models.process(
            "owners",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:parallelGateway id="fork"/>
                <bpmn:userTask id="performed">
                  <bpmn:humanPerformer><bpmn:resourceAssignmentExpression>
                    <bpmn:formalExpression>${owner}</bpmn:formalExpression>
                  </bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
                </bpmn:userTask>
                <bpmn:userTask id="owned">
                  <bpmn:potentialOwner><bpmn:resourceAssignmentExpression>
                    <bpmn:formalExpression>user(gonzo), group(sales), management</bpmn:formalExpression>
                  </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="fork"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="performed"/>
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="owned"/>
            """));
    ProcessInstance instance = engine.start("owners", Map.of("owner", "kermit"));
    assertThat(engine.tasks.findTasks(ALICE, TaskQuery.all().assignedTo("kermit")).items())
        .extracting(TaskView::taskDefinitionKey)
        .containsExactly("performed");
    TaskView owned =
        engine
            .tasks
            .findTasks(ALICE, TaskQuery.all().candidateFor("gonzo", Set.of()))
            .items()
            .get(0);
    assertThat(owned.taskDefinitionKey()).isEqualTo("owned");
    assertThat(owned.candidateUsers()).containsExactly("gonzo");
    // A page carries each kind of candidate apart, in the order of its IDs (issue 13).
    assertThat(owned.candidateGroups()).containsExactly("management", "sales");
    assertThat(
            engine
                .tasks
                .findTasks(ALICE, TaskQuery.all().candidateFor("fozzie", Set.of("sales")))
                .items())
        .extracting(TaskView::id)
        .containsExactly(owned.id());
    assertThat(
            engine
                .tasks
                .findTasks(ALICE, TaskQuery.all().candidateFor("fozzie", Set.of("it")))
                .items())
        .isEmpty();
    assertThat(engine.tasksOf(instance.id())).hasSize(2);
  }
}
