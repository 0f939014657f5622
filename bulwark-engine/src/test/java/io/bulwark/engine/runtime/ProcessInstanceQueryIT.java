package io.bulwark.engine.runtime;

import static io.bulwark.engine.runtime.TestEngine.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceQuery.Sort;
import io.bulwark.engine.api.ProcessInstanceQuery.Suspension;
import io.bulwark.engine.api.ProcessInstanceView;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.EngineDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The runtime's process instance query: filters, paging, sorting, limits and the SQL filter. */
class ProcessInstanceQueryIT {

  private static final Principal BOB = new Principal("bob", Set.of());

  @AutoClose private TestEngine engine;

  private final OneInstanceChecker checker = new OneInstanceChecker();
  private String a1;
  private String a2;
  private String a3;
  private String b1;
  private String definitionB;

  /** a1 (alice, k1), a2 (bob, k2), a3 (alice, k3, suspended), b1 (alice, k1); one ended. */
  private void startInstances(EngineDatabase database) throws SQLException {
    engine = new TestEngine(database, RuntimeSettings.defaults(), checker);
    engine.deployXml("a", Models.oneTask("a", ""));
    definitionB = engine.deployXml("b", Models.oneTask("b", "")).processDefinitions().get(0).id();
    engine.deployXml(
        "quick",
        Models.process(
            "quick",
            """
                <bpmn:startEvent id="s"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e"/>
            """));
    a1 = start(ALICE, "a", "k1");
    a2 = start(BOB, "a", "k2");
    a3 = start(ALICE, "a", "k3");
    b1 = start(ALICE, "b", "k1");
    start(ALICE, "quick", "k1");
    try (Connection connection = engine.dataSource.getConnection();
        PreparedStatement suspend =
            connection.prepareStatement("UPDATE bw_execution SET suspended = TRUE WHERE id = ?")) {
      suspend.setString(1, a3);
      suspend.executeUpdate();
    }
  }

  private String start(Principal principal, String key, String businessKey) {
    return engine
        .runtimeService
        .startProcessInstance(
            principal, StartInstanceRequest.byKey(key).withBusinessKey(businessKey))
        .id();
  }

  private Page<ProcessInstanceView> find(ProcessInstanceQuery query) {
    return engine.runtimeService.findProcessInstances(ALICE, query);
  }

  private List<String> ids(ProcessInstanceQuery query) {
    return find(query).items().stream().map(ProcessInstanceView::id).toList();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void filtersCombineWithAndAndEndedInstancesAreNotListed(EngineDatabase database)
      throws SQLException {
    startInstances(database);
    ProcessInstanceQuery all = ProcessInstanceQuery.all();

    assertThat(ids(all)).containsExactly(a1, a2, a3, b1);
    assertThat(ids(all.ofProcess("a"))).containsExactly(a1, a2, a3);
    assertThat(ids(all.ofProcess("a").startedBy("bob"))).containsExactly(a2);
    assertThat(ids(all.withBusinessKey("k1"))).containsExactly(a1, b1);
    assertThat(ids(all.ofDefinition(definitionB))).containsExactly(b1);
    assertThat(ids(all.withIds(Set.of(a1, b1, "no-such-instance")))).containsExactly(a1, b1);
    assertThat(ids(all.in(Suspension.SUSPENDED))).containsExactly(a3);
    assertThat(ids(all.ofProcess("a").in(Suspension.ACTIVE))).containsExactly(a1, a2);

    ProcessInstanceView view = find(all.withIds(Set.of(a2))).items().get(0);
    assertThat(view.processDefinitionKey()).isEqualTo("a");
    assertThat(view.processDefinitionVersion()).isEqualTo(1);
    assertThat(view.businessKey()).isEqualTo("k2");
    assertThat(view.startedBy()).isEqualTo("bob");
    assertThat(view.startedAt()).isNotNull();
    assertThat(view.suspended()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_pagesAndSortsWithTheTotalOfAllMatches(EngineDatabase database) throws SQLException {
    startInstances(database);
    ProcessInstanceQuery all = ProcessInstanceQuery.all();

    Page<ProcessInstanceView> first = find(all.page(0, 2));
    assertThat(first.items()).extracting(ProcessInstanceView::id).containsExactly(a1, a2);
    assertThat(first.total()).isEqualTo(4);
    assertThat(ids(all.page(2, 2))).containsExactly(a3, b1);
    assertThat(ids(all.page(4, 2))).isEmpty();
    assertThat(ids(all.orderBy(Sort.START_TIME, SortOrder.DESC))).containsExactly(b1, a3, a2, a1);
    assertThat(ids(all.orderBy(Sort.ID, SortOrder.ASC)))
        .containsExactlyElementsOf(List.of(a1, a2, a3, b1).stream().sorted().toList());
    assertThat(ids(all.orderBy(Sort.ID, SortOrder.DESC).page(0, 1)))
        .containsExactly(List.of(a1, a2, a3, b1).stream().sorted().toList().get(3));

    Page<ProcessInstanceView> unpaged = find(all.ofProcess("a").page(0, 2000));
    assertThat(unpaged.total()).isEqualTo(unpaged.items().size()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void noMatchIsAnEmptyPageWithTotalZero(EngineDatabase database) throws SQLException {
    startInstances(database);

    Page<ProcessInstanceView> none = find(ProcessInstanceQuery.all().ofProcess("no-such"));
    assertThat(none.items()).isEmpty();
    assertThat(none.total()).isZero();
    assertThat(find(ProcessInstanceQuery.all().withIds(Set.of())).total()).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void w8_refusesNegativeFirstResultPageSizeOutsideTheCapAndTooManyIds(EngineDatabase database)
      throws SQLException {
    startInstances(database);
    ProcessInstanceQuery all = ProcessInstanceQuery.all();

    assertThatThrownBy(() -> find(all.page(-1, 10)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("firstResult"))
        .hasMessage("firstResult -1 for process instance must not be negative (W8)");
    assertThatThrownBy(() -> find(all.page(0, 2001)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"))
        .hasMessage("maxResults 2001 for process instance must be 1..2000 (W8)");
    assertThatThrownBy(() -> find(all.page(0, 0)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"));
    Set<String> tooMany =
        java.util.stream.IntStream.rangeClosed(0, 1000)
            .mapToObj(i -> "id-" + i)
            .collect(java.util.stream.Collectors.toSet());
    assertThatThrownBy(() -> find(all.withIds(tooMany)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("processInstanceIds"));
    assertThatThrownBy(() -> find(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("query"));
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void listAndCountBothPassTheCheckersFilter(EngineDatabase database) throws SQLException {
    startInstances(database);
    checker.visible = a2;
    checker.lists.clear();
    checker.checks.clear();

    Page<ProcessInstanceView> page = find(ProcessInstanceQuery.all().ofProcess("a"));

    assertThat(page.items()).extracting(ProcessInstanceView::id).containsExactly(a2);
    assertThat(page.total()).isEqualTo(1);
    assertThat(checker.lists)
        .containsExactly(
            new OneInstanceChecker.Asked(ResourceType.PROCESS_INSTANCE, Permission.READ, "e.id"));
    assertThat(checker.checks).isEmpty();
  }
}
