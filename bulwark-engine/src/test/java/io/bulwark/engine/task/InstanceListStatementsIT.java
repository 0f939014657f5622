package io.bulwark.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.instance.DefaultRuntimeService;
import io.bulwark.engine.runtime.Models;
import io.bulwark.engine.runtime.RuntimeSettings;
import io.bulwark.engine.runtime.TestEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user's page of running process instances and its total are one statement when the user holds no
 * rule about instances (Z2, Z3; issue 13), as the task list: the statement checks that it holds
 * none in its own snapshot; a rule makes the same call read the rules and page again. The total
 * equals the length of the unpaged list. Beside {@link TaskQueryPlanIT}, whose recorder it shares.
 */
class InstanceListStatementsIT {

  /** Candidate through the group clerks: case security lets Anna see the instances (Z3). */
  private static final Principal ANNA = Principal.user("anna", "clerks");

  private static final Principal NINA = Principal.user("nina", "temps");

  private static final int INSTANCES = 12;

  @AutoClose private TestEngine engine;

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z3_instancePageOfAUserWithoutRulesIsOneStatement(EngineDatabase database) {
    engine = new TestEngine(database, RuntimeSettings.defaults(), new GrantChecker());
    TestGrants.allToGroup(engine.dataSource, "accounting");
    engine.deployXml(
        "review",
        Models.process(
            "review",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="check" camunda:candidateGroups="clerks"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
                <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="e"/>
            """));
    List<String> started = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      started.add(engine.start("review", Map.of()).id());
    }
    RecordedStatements recorder = new RecordedStatements(engine.dataSource);
    DefaultRuntimeService instances =
        new DefaultRuntimeService(
            new CommandExecutor(recorder.dataSource(), new GrantChecker(), Clock.systemUTC()),
            engine.runtime);

    Page<ProcessInstanceView> page =
        instances.findProcessInstances(ANNA, ProcessInstanceQuery.all().page(0, 5));
    assertThat(recorder.take()).hasSize(1);
    assertThat(page.items()).hasSize(5);
    assertThat(page.total()).isEqualTo(INSTANCES);
    Page<ProcessInstanceView> all =
        instances.findProcessInstances(ANNA, ProcessInstanceQuery.all().page(0, 100));
    assertThat(all.items()).extracting(ProcessInstanceView::id).hasSameElementsAs(started);
    assertThat(all.total()).isEqualTo(all.items().size());
    recorder.take();

    // Nina sees nothing: the empty page cannot tell whether the presumption holds, a count does.
    Page<ProcessInstanceView> none =
        instances.findProcessInstances(NINA, ProcessInstanceQuery.all().page(0, 5));
    assertThat(none.items()).isEmpty();
    assertThat(none.total()).isZero();
    assertThat(recorder.take()).hasSize(2);

    // A rule of Nina's counts on the next call: the presumed page is empty (case security shows
    // her nothing), so its count tells that the presumption fails; then the rule read, the page.
    TestGrants.insert(
        engine.dataSource,
        Grant.Type.GRANT,
        "nina",
        null,
        ResourceType.PROCESS_INSTANCE,
        started.get(0),
        Permission.READ);
    Page<ProcessInstanceView> granted =
        instances.findProcessInstances(NINA, ProcessInstanceQuery.all().page(0, 5));
    assertThat(granted.items()).extracting(ProcessInstanceView::id).containsExactly(started.get(0));
    assertThat(granted.total()).isEqualTo(1);
    assertThat(recorder.take()).hasSize(4);
  }
}
