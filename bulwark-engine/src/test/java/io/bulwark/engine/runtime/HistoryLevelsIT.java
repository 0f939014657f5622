package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.command.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each history level writes for start → user task (claimed) → end with two variables. */
class HistoryLevelsIT {

  private TestEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    // level, database, instances, activities, tasks, variable updates, extra SetVariable entries
    "NONE, H2, 0, 0, 0, 0, 0",
    "ACTIVITY, H2, 1, 3, 1, 0, 0",
    "AUDIT, H2, 1, 3, 1, 2, 0",
    "FULL, H2, 1, 3, 1, 2, 2",
    "NONE, POSTGRESQL, 0, 0, 0, 0, 0",
    "AUDIT, POSTGRESQL, 1, 3, 1, 2, 0",
    "FULL, POSTGRESQL, 1, 3, 1, 2, 2"
  })
  void e6_levelDecidesWhatIsWrittenAndOperationLogIsAlwaysWritten(
      HistoryLevel level,
      TestDatabase database,
      long instances,
      long activities,
      long tasks,
      long variableUpdates,
      long setVariableEntries) {
    engine = new TestEngine(database, RuntimeSettings.defaults().withHistoryLevel(level));
    engine.deployXml("h", Models.oneTask("h", ""));
    ProcessInstance instance =
        engine.runtimeService.startProcessInstance(
            ALICE, StartInstanceRequest.byKey("h").withVariables(Map.of("a", 1)));
    String taskId = engine.onlyTask(instance.id()).id();
    engine.tasks.claim(ALICE, taskId, "bob");
    engine.tasks.complete(ALICE, taskId, Map.of("b", "done"));

    assertThat(engine.count("SELECT COUNT(*) FROM bw_hi_process_instance")).isEqualTo(instances);
    assertThat(
            engine.count("SELECT COUNT(*) FROM bw_hi_activity_instance WHERE ended_at IS NOT NULL"))
        .isEqualTo(activities);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_hi_task WHERE assignee = 'bob'"))
        .isEqualTo(tasks);
    assertThat(engine.count("SELECT COUNT(*) FROM bw_hi_variable_update"))
        .isEqualTo(variableUpdates);
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_user_operation_log WHERE operation = 'SetVariable'"))
        .isEqualTo(setVariableEntries);
    // E6: start, claim and complete are logged at every level, with the acting user.
    assertThat(
            engine.count(
                "SELECT COUNT(*) FROM bw_user_operation_log WHERE user_id = 'alice'"
                    + " AND operation IN ('Create', 'Start', 'Claim', 'Complete')"))
        .isEqualTo(4);
    assertThat(engine.history.userOperations(ALICE, instance.id(), 0, 100).items())
        .extracting(o -> o.operation())
        .contains("Start", "Claim", "Complete");
    if (level != HistoryLevel.NONE) {
      assertThat(engine.history.activityInstances(ALICE, instance.id(), 0, 100).items())
          .extracting(a -> a.activityId())
          .containsExactlyInAnyOrder("s", "task", "e");
      assertThat(engine.history.tasks(ALICE, instance.id(), 0, 10).items().get(0).deleteReason())
          .isEqualTo("completed");
    }
  }
}
