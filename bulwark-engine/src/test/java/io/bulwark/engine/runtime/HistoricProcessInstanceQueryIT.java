package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.HistoricProcessInstanceQuery;
import io.bulwark.engine.api.HistoricProcessInstanceQuery.Completion;
import io.bulwark.engine.api.HistoricProcessInstanceQuery.Sort;
import io.bulwark.engine.api.HistoryService.HistoricProcessInstance;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.EngineDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The history's process instance query and per-instance lists: filters, paging, limits, SQL filter.
 */
class HistoricProcessInstanceQueryIT {

  private static final Principal BOB = new Principal("bob", Set.of());

  @AutoClose private TestEngine engine;

  private final OneInstanceChecker checker = new OneInstanceChecker();
  private String a1;
  private String a2;
  private String a3;
  private String b1;
  private Instant afterFirstTwo;
  private Instant afterFirstEnd;

  /** a1 (alice, k1, completed first), a2 (bob, k2, deleted), a3 (alice, k3), b1 (alice, k1). */
  private void runInstances(EngineDatabase database) throws InterruptedException {
    engine = new TestEngine(database, RuntimeSettings.defaults(), checker);
    engine.deployXml("a", Models.oneTask("a", ""));
    engine.deployXml("b", Models.oneTask("b", ""));
    a1 = start(ALICE, "a", "k1");
    a2 = start(BOB, "a", "k2");
    afterFirstTwo = pause();
    a3 = start(ALICE, "a", "k3");
    b1 = start(ALICE, "b", "k1");
    engine.tasks.complete(ALICE, engine.onlyTask(a1).id(), Map.of());
    afterFirstEnd = pause();
    engine.runtimeService.deleteProcessInstance(ALICE, a2, "no longer needed");
  }

  /** A point in time strictly between the commands before and after it. */
  private static Instant pause() throws InterruptedException {
    Thread.sleep(20);
    Instant now = Instant.now();
    Thread.sleep(20);
    return now;
  }

  private String start(Principal principal, String key, String businessKey) {
    return engine
        .runtimeService
        .startProcessInstance(
            principal, StartInstanceRequest.byKey(key).withBusinessKey(businessKey))
        .id();
  }

  private Page<HistoricProcessInstance> find(HistoricProcessInstanceQuery query) {
    return engine.history.findProcessInstances(ALICE, query);
  }

  private List<String> ids(HistoricProcessInstanceQuery query) {
    return find(query).items().stream().map(HistoricProcessInstance::id).toList();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void filtersCombineWithAnd(EngineDatabase database) throws InterruptedException {
    runInstances(database);
    HistoricProcessInstanceQuery all = HistoricProcessInstanceQuery.all();

    assertThat(ids(all)).containsExactly(a1, a2, a3, b1);
    assertThat(ids(all.ofProcess("a"))).containsExactly(a1, a2, a3);
    assertThat(ids(all.withBusinessKey("k1"))).containsExactly(a1, b1);
    assertThat(ids(all.startedBy("bob"))).containsExactly(a2);
    assertThat(ids(all.in(Completion.FINISHED))).containsExactly(a1, a2);
    assertThat(ids(all.in(Completion.UNFINISHED))).containsExactly(a3, b1);
    assertThat(ids(all.ofProcess("a").in(Completion.UNFINISHED))).containsExactly(a3);
    assertThat(ids(all.startedBetween(afterFirstTwo, null))).containsExactly(a3, b1);
    assertThat(ids(all.startedBetween(null, afterFirstTwo))).containsExactly(a1, a2);
    assertThat(ids(all.endedBetween(null, afterFirstEnd))).containsExactly(a1);
    assertThat(ids(all.endedBetween(afterFirstEnd, null))).containsExactly(a2);
    assertThat(ids(all.startedBetween(null, afterFirstTwo).endedBetween(afterFirstEnd, null)))
        .containsExactly(a2);

    HistoricProcessInstance deleted = find(all.startedBy("bob")).items().get(0);
    assertThat(deleted.state()).isEqualTo("DELETED");
    assertThat(deleted.deleteReason()).isEqualTo("no longer needed");
    assertThat(deleted.startedBy()).isEqualTo("bob");
    assertThat(deleted.endedAt()).isAfter(deleted.startedAt());
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_pagesAndSortsWithTheTotalOfAllMatches(EngineDatabase database)
      throws InterruptedException {
    runInstances(database);
    HistoricProcessInstanceQuery all = HistoricProcessInstanceQuery.all();

    Page<HistoricProcessInstance> first = find(all.page(0, 3));
    assertThat(first.items()).extracting(HistoricProcessInstance::id).containsExactly(a1, a2, a3);
    assertThat(first.total()).isEqualTo(4);
    assertThat(ids(all.page(3, 3))).containsExactly(b1);
    assertThat(ids(all.orderBy(Sort.START_TIME, SortOrder.DESC))).containsExactly(b1, a3, a2, a1);
    assertThat(ids(all.in(Completion.FINISHED).orderBy(Sort.END_TIME, SortOrder.DESC)))
        .containsExactly(a2, a1);
    assertThat(ids(all.orderBy(Sort.ID, SortOrder.ASC)))
        .containsExactlyElementsOf(List.of(a1, a2, a3, b1).stream().sorted().toList());

    Page<HistoricProcessInstance> unpaged = find(all.page(0, 2000));
    assertThat(unpaged.total()).isEqualTo(unpaged.items().size()).isEqualTo(4);
    Page<HistoricProcessInstance> none = find(all.ofProcess("no-such"));
    assertThat(none.items()).isEmpty();
    assertThat(none.total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_refusesNegativeFirstResultAndPageSizeOutsideTheCapOnEveryHistoryList(
      EngineDatabase database) throws InterruptedException {
    runInstances(database);

    assertThatThrownBy(() -> find(HistoricProcessInstanceQuery.all().page(-5, 10)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("firstResult"))
        .hasMessage("firstResult -5 for historic process instance must not be negative (W8)");
    assertThatThrownBy(() -> find(HistoricProcessInstanceQuery.all().page(0, 2001)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"))
        .hasMessage("maxResults 2001 for historic process instance must be 1..2000 (W8)");
    assertThatThrownBy(() -> engine.history.activityInstances(ALICE, a1, 0, 2001))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"));
    assertThatThrownBy(() -> engine.history.tasks(ALICE, a1, -1, 10))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("firstResult"));
    assertThatThrownBy(() -> engine.history.variableUpdates(ALICE, a1, 0, 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"));
    assertThatThrownBy(() -> engine.history.userOperations(ALICE, a1, 0, 5000))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"));
    assertThatThrownBy(() -> engine.history.activityInstances(ALICE, null, 0, 10))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("processInstanceId"));
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_perInstanceListsPageWithTheirTotal(EngineDatabase database) throws InterruptedException {
    runInstances(database);

    // Activities of one command share a start time: the id breaks the tie, so pages are stable.
    List<String> paged = new java.util.ArrayList<>();
    for (int first = 0; first < 3; first++) {
      var activities = engine.history.activityInstances(ALICE, a1, first, 1);
      assertThat(activities.total()).isEqualTo(3);
      assertThat(activities.items()).hasSize(1);
      paged.add(activities.items().get(0).activityId());
    }
    assertThat(paged).containsExactlyInAnyOrder("s", "task", "e");
    assertThat(engine.history.tasks(ALICE, a1, 0, 10).total()).isEqualTo(1);
    assertThat(engine.history.userOperations(ALICE, a1, 0, 10).items())
        .extracting(o -> o.operation())
        .contains("Start", "Complete");
    assertThat(engine.history.activityInstances(ALICE, "no-such", 0, 10).total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void instanceListFiltersInSqlAndOneInstancesListsFollowItsCheck(EngineDatabase database)
      throws InterruptedException {
    runInstances(database);
    checker.visible = a3;
    checker.lists.clear();
    checker.checks.clear();

    Page<HistoricProcessInstance> page = find(HistoricProcessInstanceQuery.all().ofProcess("a"));
    assertThat(page.items()).extracting(HistoricProcessInstance::id).containsExactly(a3);
    assertThat(page.total()).isEqualTo(1);
    assertThat(checker.checks).isEmpty();
    // One instance's lists rely on the command's check of that instance, which (test) grants a1.
    assertThat(engine.history.activityInstances(ALICE, a1, 0, 10).total()).isPositive();
    assertThat(engine.history.findProcessInstance(ALICE, a1)).isPresent();
    assertThat(engine.history.activityInstances(ALICE, a3, 0, 10).total()).isEqualTo(2);

    var readHistory = ResourceType.PROCESS_INSTANCE;
    assertThat(checker.lists)
        .containsExactly(
            new OneInstanceChecker.Asked(readHistory, Permission.READ_HISTORY, "h.id"));
    assertThat(checker.checks)
        .containsExactly(
            Requirement.of(readHistory, Permission.READ_HISTORY, a1),
            Requirement.of(readHistory, Permission.READ_HISTORY, a1),
            Requirement.of(readHistory, Permission.READ_HISTORY, a3));
  }
}
