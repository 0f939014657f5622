package io.bulwark.engine.deployment;

import io.bulwark.engine.api.DecisionDefinition;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.DeploymentResult;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.bpmn.ParsedDeployment;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.EventDefinition;
import io.bulwark.engine.bpmn.model.ProcessModel;
import io.bulwark.engine.bpmn.model.StartEvent;
import io.bulwark.engine.bpmn.reader.BpmnParser;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.RowIds;
import io.bulwark.engine.command.UnitOfWork;
import io.bulwark.engine.dmn.DecisionResourceReader;
import io.bulwark.engine.form.CamundaFormReader;
import io.bulwark.engine.history.HistoryRecorder;
import io.bulwark.engine.runtime.DeployedProcess;
import io.bulwark.engine.runtime.ProcessRuntime;
import io.bulwark.engine.runtime.RuntimeRows;
import io.bulwark.engine.runtime.Signals;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Deploys resources: BPMN, DMN and Camunda Form ({@code .form}) files are parsed with the hardened
 * parser (E1, E2, Z10) before anything is written; when the latest deployment of the same name has
 * the same content hash, nothing new is written and that deployment is returned. Each process gets
 * the next version of its key in its tenant (unique per key and tenant, Z3; a concurrent deployment
 * of the same key becomes a conflict). Message start events of the new version replace those of the
 * previous version of the same tenant. Content is compared with the same name's latest deployment
 * in the same tenant.
 */
public final class DeployCommand implements Command<DeploymentResult> {

  private final ProcessRuntime runtime;
  private final DeploymentRequest request;

  public DeployCommand(ProcessRuntime runtime, DeploymentRequest request) {
    this.runtime = runtime;
    this.request = request;
  }

  @Override
  public Requirement requirement() {
    return Requirement.onAny(ResourceType.DEPLOYMENT, Permission.CREATE);
  }

  @Override
  public DeploymentResult execute(CommandContext context) throws SQLException {
    if (request.resources().isEmpty()) {
      throw new ValidationException("deployment " + request.name() + " has no resources");
    }
    String hash = hash(request.resources());
    DeploymentRepository repository = new DeploymentRepository(context.connection(), runtime);
    DeploymentResult existing = repository.latestWithHash(request.name(), hash, request.tenantId());
    if (existing != null) {
      return existing;
    }
    List<Problem> problems = new ArrayList<>();
    Map<String, List<DecisionResourceReader.DecisionHeader>> decisions =
        readAll(List.of(".dmn", ".dmn11.xml"), new DecisionResourceReader()::read, problems);
    Map<String, ParsedDeployment> parsed =
        readAll(List.of(".bpmn", ".bpmn20.xml"), new BpmnParser()::parse, problems);
    FormDeployment forms = readForms(repository, parsed, problems);
    if (!problems.isEmpty()) {
      throw new BpmnValidationException(problems);
    }
    String deploymentId = RowIds.next();
    Instant now = context.now();
    var work = context.unitOfWork();
    work.insert(
        DeploymentRows.DEPLOYMENT,
        new DeploymentRows.DeploymentRow(
            deploymentId, request.name(), hash, now, context.actor().userId(), request.tenantId()));
    writeResources(work, deploymentId, forms);
    List<ProcessDefinition> definitions = new ArrayList<>();
    for (Map.Entry<String, ParsedDeployment> entry : parsed.entrySet()) {
      for (ProcessModel model : entry.getValue().processes()) {
        int version = repository.latestVersion(model.id(), request.tenantId()) + 1;
        var definition =
            new ProcessDefinition(
                RowIds.next(),
                model.id(),
                version,
                model.name(),
                deploymentId,
                entry.getKey(),
                request.tenantId(),
                false);
        insertDefinition(work, definition, model.historyTimeToLiveDays());
        definitions.add(definition);
        DeployedProcess deployed =
            new DeployedProcess(
                definition.id(),
                model.id(),
                version,
                deploymentId,
                request.tenantId(),
                model,
                entry.getValue());
        runtime.definitions().put(deployed);
        // The latest version of the key changes only if the deploy commits.
        work.afterCommit(() -> runtime.definitions().deployed(deployed));
        subscribeEventStarts(context, model, definition.id(), request.tenantId());
        TimerStarts.schedule(context, runtime.jobs(), model, definition.id());
      }
    }
    List<DecisionDefinition> decisionDefinitions =
        insertDecisions(context, repository, decisions, deploymentId);
    new HistoryRecorder(context, runtime.historyLevel())
        .operation("Create", HistoryRecorder.Entity.DEPLOYMENT, deploymentId, null, request.name());
    return new DeploymentResult(
        deploymentId, request.name(), now, false, definitions, decisionDefinitions);
  }

  /** The definition's row, and its history time to live when the model names one (D5). */
  private static void insertDefinition(
      UnitOfWork work, ProcessDefinition definition, @Nullable Integer historyTimeToLiveDays) {
    work.insert(DeploymentRows.DEFINITION, definition);
    if (historyTimeToLiveDays != null) {
      work.insert(
          DeploymentRows.RETENTION,
          new DeploymentRows.RetentionRow(definition.id(), historyTimeToLiveDays));
    }
  }

  /** Stores every resource as sent, and a definition per form (issue 15). */
  private void writeResources(UnitOfWork work, String deploymentId, FormDeployment forms)
      throws SQLException {
    for (Map.Entry<String, byte[]> resource : request.resources().entrySet()) {
      work.insert(
          DeploymentRows.RESOURCE,
          new DeploymentRows.ResourceRow(
              RowIds.next(), deploymentId, resource.getKey(), resource.getValue()));
    }
    forms.write(work, deploymentId, request.tenantId());
  }

  /** Reads the {@code .form} resources and checks the forms the models name (W10, Z10). */
  private FormDeployment readForms(
      DeploymentRepository repository, Map<String, ParsedDeployment> parsed, List<Problem> problems)
      throws SQLException {
    FormDeployment forms =
        new FormDeployment(
            repository,
            readAll(
                List.of(".form"),
                (in, options) -> CamundaFormReader.read(in.readAllBytes()),
                problems));
    problems.addAll(forms.duplicates());
    for (Map.Entry<String, ParsedDeployment> entry : parsed.entrySet()) {
      forms.check(entry.getValue().processes(), entry.getKey(), problems);
    }
    return forms;
  }

  /** One row per decision of the deployment's DMN resources, each its key's next version. */
  private List<DecisionDefinition> insertDecisions(
      CommandContext context,
      DeploymentRepository repository,
      Map<String, List<DecisionResourceReader.DecisionHeader>> decisions,
      String deploymentId)
      throws SQLException {
    List<DecisionDefinition> inserted = new ArrayList<>();
    for (var entry : decisions.entrySet()) {
      for (var decision : entry.getValue()) {
        var definition =
            new DecisionDefinition(
                RowIds.next(),
                decision.key(),
                repository.latestDecisionVersion(decision.key()) + 1,
                decision.name(),
                deploymentId,
                entry.getKey(),
                request.tenantId());
        context
            .unitOfWork()
            .insert(
                DeploymentRows.DECISION,
                new ProcessDefinition(
                    definition.id(),
                    definition.key(),
                    definition.version(),
                    definition.name(),
                    deploymentId,
                    definition.resourceName(),
                    definition.tenantId(),
                    false));
        inserted.add(definition);
      }
    }
    return inserted;
  }

  /**
   * Reads every resource whose name ends with one of {@code suffixes}, in name order, with {@code
   * reader}; the problems of every rejected resource are added to {@code problems}, each named by
   * its resource (issue 16, item 7).
   */
  private <T> Map<String, T> readAll(
      List<String> suffixes,
      BiFunction<ByteArrayInputStream, ParseOptions, T> reader,
      List<Problem> problems) {
    Map<String, T> read = new TreeMap<>();
    for (Map.Entry<String, byte[]> resource : new TreeMap<>(request.resources()).entrySet()) {
      String name = resource.getKey();
      if (suffixes.stream().noneMatch(name::endsWith)) {
        continue;
      }
      try {
        read.put(
            name,
            reader.apply(
                new ByteArrayInputStream(resource.getValue()), runtime.definitions().options()));
      } catch (BpmnValidationException e) {
        e.problems().forEach(p -> problems.add(p.inResource(name)));
      }
    }
    return read;
  }

  private static void subscribeEventStarts(
      CommandContext context, ProcessModel model, String definitionId, @Nullable String tenantId)
      throws SQLException {
    try (PreparedStatement delete =
        context
            .connection()
            .prepareStatement(
                "DELETE FROM bw_event_subscription WHERE execution_id IS NULL"
                    + " AND process_definition_id IN"
                    + " (SELECT id FROM bw_process_definition WHERE def_key = ? AND "
                    + DeploymentRepository.ofTenant("tenant_id", tenantId)
                    + ")")) {
      delete.setString(1, model.id());
      if (tenantId != null) {
        delete.setString(2, tenantId);
      }
      delete.executeUpdate();
    }
    for (StartEvent start : model.startEvents(model.id())) {
      String type = null;
      String name = null;
      if (start.definition() instanceof EventDefinition.Message message) {
        type = "message";
        name = message.messageName();
      } else if (start.definition() instanceof EventDefinition.Signal signal) {
        type = "signal";
        name = Signals.startName(signal);
      } else if (start.definition() instanceof EventDefinition.Conditional) {
        type = "conditional";
        name = start.id(); // found by evaluateStartConditions, never by name
      }
      if (type != null) {
        context
            .unitOfWork()
            .insert(
                RuntimeRows.SUBSCRIPTION,
                new RuntimeRows.SubscriptionRow(
                    RowIds.next(),
                    type,
                    name,
                    null,
                    null,
                    start.id(),
                    definitionId,
                    context.now()));
      }
    }
  }

  static String hash(Map<String, byte[]> resources) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> entry : new TreeMap<>(resources).entrySet()) {
        byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(name.length).getBytes(StandardCharsets.US_ASCII));
        digest.update(name);
        digest.update(
            Integer.toString(entry.getValue().length).getBytes(StandardCharsets.US_ASCII));
        digest.update(entry.getValue());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
