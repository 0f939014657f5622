package io.bulwark.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Deployment;
import io.bulwark.engine.api.DeploymentDeletion;
import io.bulwark.engine.api.DeploymentQuery;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResource;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.ModelRejectedException;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessDefinitionQuery;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.runtime.Models;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deployments and definitions read and deleted through the repository service, with the real
 * checker on H2 and PostgreSQL: lists filtered in SQL by READ (Z2), unreadable ones not found,
 * deletion refused while instances run unless cancelled, and bounded pages (W8).
 */
class DeploymentRepositoryIT {

  private static final Principal ADMIN =
      Principal.user(IdentityService.INITIAL_ADMINISTRATOR, "bulwark-admins");
  private static final Principal DORA = Principal.user("dora");

  private static final String DECISION =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs"
          name="Rules" namespace="http://bulwark.io/test">
        <decision id="size" name="Size">
          <decisionTable id="table" hitPolicy="FIRST">
            <input id="in1" label="Amount">
              <inputExpression id="ie1" typeRef="double"><text>amount</text></inputExpression>
            </input>
            <output id="out1" name="size" typeRef="string"/>
            <rule id="any">
              <inputEntry id="any_in"><text>-</text></inputEntry>
              <outputEntry id="any_out"><text>"any"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private static byte[] model(String key, String name) {
    return Models.process(
            key,
            """
                <bpmn:startEvent id="s"/>
                <bpmn:userTask id="task" name="Task"/>
                <bpmn:endEvent id="e"/>
                <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
                <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
            """)
        .replace("isExecutable=\"true\"", "isExecutable=\"true\" name=\"" + name + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static DeploymentResult deploy(RepositoryService repository, String name, String key) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    resources.put(key + ".bpmn", model(key, "Name of " + key));
    resources.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
    return repository.deploy(ADMIN, new DeploymentRequest(name, resources, null));
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void deploymentsAndDefinitionsAreListedFilteredAndRead(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      RepositoryService repository = engine.repositoryService();
      DeploymentResult first = deploy(repository, "invoices", "invoice");
      DeploymentResult second = deploy(repository, "orders", "order");
      repository.deploy(
          ADMIN, DeploymentRequest.of("invoices-2", "invoice.bpmn", model("invoice", "Invoice 2")));

      DeploymentQuery byName =
          new DeploymentQuery(
              null, null, "invoice%", null, DeploymentQuery.Sort.NAME, SortOrder.DESC, 0, 10);
      assertThat(repository.findDeployments(ADMIN, byName).items())
          .extracting(Deployment::name)
          .containsExactly("invoices-2", "invoices");
      assertThat(repository.findDeployments(ADMIN, DeploymentQuery.all().page(0, 1)).total())
          .isEqualTo(3);
      Deployment got = repository.getDeployment(ADMIN, first.id());
      assertThat(got.name()).isEqualTo("invoices");
      assertThat(got.deployedBy()).isEqualTo(IdentityService.INITIAL_ADMINISTRATOR);

      List<DeploymentResource> resources = repository.getDeploymentResources(ADMIN, first.id());
      assertThat(resources)
          .extracting(DeploymentResource::name)
          .containsExactly("invoice.bpmn", "notes.txt");
      assertThat(
              new String(
                  repository
                      .getDeploymentResource(ADMIN, first.id(), resources.get(1).id())
                      .bytes(),
                  StandardCharsets.UTF_8))
          .isEqualTo("hello");

      ProcessDefinitionQuery latest =
          new ProcessDefinitionQuery(
              null,
              null,
              null,
              Set.of("invoice", "order"),
              null,
              null,
              null,
              true,
              null,
              null,
              ProcessDefinitionQuery.Sort.KEY,
              SortOrder.ASC,
              0,
              10);
      assertThat(repository.findProcessDefinitions(ADMIN, latest).items())
          .extracting(ProcessDefinition::key, ProcessDefinition::version)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("invoice", 2),
              org.assertj.core.groups.Tuple.tuple("order", 1));
      ProcessDefinitionQuery nameLike =
          new ProcessDefinitionQuery(
              null,
              null,
              null,
              null,
              null,
              "Name of %",
              null,
              false,
              null,
              null,
              null,
              null,
              0,
              10);
      assertThat(repository.findProcessDefinitions(ADMIN, nameLike).total()).isEqualTo(2);
      String invoiceV1 = first.processDefinitions().get(0).id();
      assertThat(
              new String(
                  repository.getProcessDefinitionXml(ADMIN, invoiceV1).bytes(),
                  StandardCharsets.UTF_8))
          .contains("<bpmn:process id=\"invoice\"");
    }
  }

  /**
   * A deployment answers its decision definitions; a definition's diagram is the PNG named after
   * its BPMN resource (key-specific first, as Camunda), empty without one, not found when
   * unreadable.
   */
  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void decisionDefinitionsAndDiagramOfADeployment(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      RepositoryService repository = engine.repositoryService();
      byte[] generic = {(byte) 0x89, 'P', 'N', 'G', 1};
      byte[] specific = {(byte) 0x89, 'P', 'N', 'G', 2};
      Map<String, byte[]> resources = new LinkedHashMap<>();
      resources.put("flows.bpmn", model("invoice", "Invoices"));
      resources.put("flows.png", generic);
      resources.put("flows.invoice.png", specific);
      resources.put("rules.dmn", DECISION.getBytes(StandardCharsets.UTF_8));
      DeploymentResult deployed =
          repository.deploy(ADMIN, new DeploymentRequest("with-diagram", resources, null));
      assertThat(deployed.decisionDefinitions())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.key()).isEqualTo("size");
                assertThat(d.version()).isEqualTo(1);
                assertThat(d.resourceName()).isEqualTo("rules.dmn");
                assertThat(d.deploymentId()).isEqualTo(deployed.id());
              });
      String invoice = deployed.processDefinitions().get(0).id();
      assertThat(repository.getProcessDiagram(ADMIN, invoice).orElseThrow().bytes())
          .isEqualTo(specific);
      assertThatThrownBy(() -> repository.getProcessDiagram(DORA, invoice))
          .isInstanceOf(NotFoundException.class);

      DeploymentResult plain = deploy(repository, "orders", "order");
      assertThat(plain.decisionDefinitions()).isEmpty();
      assertThat(repository.getProcessDiagram(ADMIN, plain.processDefinitions().get(0).id()))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void z2_whatACallerMayNotReadIsNotListedAndNotFound(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      RepositoryService repository = engine.repositoryService();
      DeploymentResult first = deploy(repository, "invoices", "invoice");
      DeploymentResult second = deploy(repository, "orders", "order");
      String invoiceV1 = first.processDefinitions().get(0).id();
      List<DeploymentResource> resources = repository.getDeploymentResources(ADMIN, first.id());
      // Dora holds no grant: she sees nothing, and what exists is not found for her (Z2).
      assertThat(repository.findDeployments(DORA, DeploymentQuery.all()).total()).isZero();
      assertThat(repository.findProcessDefinitions(DORA, ProcessDefinitionQuery.all()).total())
          .isZero();
      assertThatThrownBy(() -> repository.getDeployment(DORA, first.id()))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> repository.getDeploymentResources(DORA, first.id()))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(
              () -> repository.getDeploymentResource(DORA, first.id(), resources.get(0).id()))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> repository.getProcessDefinitionXml(DORA, invoiceV1))
          .isInstanceOf(NotFoundException.class);

      engine
          .authorizationService()
          .createRule(
              ADMIN, NewAuthorizationRule.grantToUser("dora", "DEPLOYMENT", second.id(), "READ"));
      engine
          .authorizationService()
          .createRule(
              ADMIN,
              NewAuthorizationRule.grantToUser("dora", "PROCESS_DEFINITION", "order", "READ"));
      assertThat(repository.findDeployments(DORA, DeploymentQuery.all()).items())
          .extracting(Deployment::id)
          .containsExactly(second.id());
      assertThat(repository.findProcessDefinitions(DORA, ProcessDefinitionQuery.all()).items())
          .extracting(ProcessDefinition::key)
          .containsExactly("order");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2", "POSTGRESQL"})
  void deleteIsRefusedWhileInstancesRunUnlessTheyAreCancelled(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      RepositoryService repository = engine.repositoryService();
      DeploymentResult v1 = deploy(repository, "claims", "claim");
      DeploymentResult v2 =
          repository.deploy(
              ADMIN, DeploymentRequest.of("claims-2", "claim.bpmn", model("claim", "Claim 2")));
      String running =
          engine
              .runtimeService()
              .startProcessInstance(ADMIN, StartInstanceRequest.byKey("claim"))
              .id();
      assertThat(repository.getLatestProcessDefinition(ADMIN, "claim").version()).isEqualTo(2);

      assertThatThrownBy(
              () -> repository.deleteDeployment(DORA, v2.id(), DeploymentDeletion.CANCEL_INSTANCES))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(
              () ->
                  repository.deleteDeployment(
                      ADMIN, v2.id(), DeploymentDeletion.REFUSE_WHILE_RUNNING))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("1 running process instances");
      repository.deleteDeployment(ADMIN, v2.id(), DeploymentDeletion.CANCEL_INSTANCES);

      assertThatThrownBy(() -> repository.getDeployment(ADMIN, v2.id()))
          .isInstanceOf(NotFoundException.class);
      assertThat(
              engine
                  .runtimeService()
                  .findProcessInstances(ADMIN, ProcessInstanceQuery.all().withIds(Set.of(running)))
                  .total())
          .isZero();
      assertThat(repository.getLatestProcessDefinition(ADMIN, "claim").id())
          .isEqualTo(v1.processDefinitions().get(0).id());
      assertThat(
              engine
                  .runtimeService()
                  .startProcessInstance(ADMIN, StartInstanceRequest.byKey("claim"))
                  .processDefinitionId())
          .isEqualTo(v1.processDefinitions().get(0).id());
      assertThatThrownBy(
              () ->
                  repository.deleteDeployment(
                      ADMIN, "no-such-deployment", DeploymentDeletion.CANCEL_INSTANCES))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EngineDatabase.class,
      names = {"H2"})
  void badInputIsRefusedBeforeAnySql(EngineDatabase database) {
    try (HikariDataSource dataSource = database.open();
        BulwarkEngine engine = build(dataSource)) {
      RepositoryService repository = engine.repositoryService();
      assertThatThrownBy(
              () -> repository.findDeployments(ADMIN, DeploymentQuery.all().page(0, 2001)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("maxResults"));
      assertThat(
              repository
                  .findDeployments(
                      ADMIN,
                      new DeploymentQuery("' OR 1=1 --", null, null, null, null, null, 0, 10))
                  .total())
          .isZero();
      assertThatThrownBy(
              () ->
                  repository.deploy(
                      ADMIN,
                      DeploymentRequest.of(
                          "bad",
                          "bad.bpmn",
                          Models.process("bad", "<bpmn:scriptTask id=\"script\"/>")
                              .getBytes(StandardCharsets.UTF_8))))
          .isInstanceOf(ModelRejectedException.class)
          .hasMessageContaining("bad.bpmn")
          .hasMessageContaining("'script'")
          .hasMessageContaining("line");
    }
  }

  private static BulwarkEngine build(HikariDataSource dataSource) {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    engine.identityService().ensureInitialAdministrator();
    return engine;
  }
}
