package io.bulwark.server.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.MessageCorrelation;
import io.bulwark.engine.api.MessageCorrelationResult;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's {@code POST /engine-rest/message}: correlates a message to one waiting execution (or
 * all with {@code all}), else to a message start event; 204, or with {@code resultEnabled} the list
 * of results.
 */
@RestController
final class MessageController {

  private final RuntimeService runtime;

  MessageController(BulwarkEngine engine) {
    this.runtime = engine.runtimeService();
  }

  @PostMapping(RestPaths.BASE + "/message")
  ResponseEntity<List<ResultJson>> correlate(
      @RequestBody MessageJson body, Authentication authentication) {
    if (body.messageName() == null || body.messageName().isBlank()) {
      throw ValidationException.of("messageName", "required", "messageName is required");
    }
    MessageCorrelation correlation =
        new MessageCorrelation(
            body.messageName(),
            body.businessKey(),
            VariableJson.toEngine(body.correlationKeys()),
            VariableJson.toEngine(body.processVariables()),
            body.processInstanceId(),
            Boolean.TRUE.equals(body.all())
                ? MessageCorrelation.Delivery.ALL
                : MessageCorrelation.Delivery.ONE);
    List<MessageCorrelationResult> results =
        runtime.correlateMessages(Principals.of(authentication), correlation);
    if (!Boolean.TRUE.equals(body.resultEnabled())) {
      return ResponseEntity.noContent().build();
    }
    boolean withVariables = Boolean.TRUE.equals(body.variablesInResultEnabled());
    return ResponseEntity.ok(
        results.stream()
            .map(
                result ->
                    ResultJson.of(
                        result,
                        withVariables
                            ? VariableJson.toCamunda(
                                runtime.getVariables(
                                    Principals.of(authentication), result.processInstanceId()))
                            : null))
            .toList());
  }

  /** Camunda's {@code CorrelationMessageDto} (the parts Bulwark serves). */
  record MessageJson(
      @Nullable String messageName,
      @Nullable String businessKey,
      @Nullable Map<String, JsonNode> correlationKeys,
      @Nullable Map<String, JsonNode> processVariables,
      @Nullable String processInstanceId,
      @Nullable Boolean all,
      @Nullable Boolean resultEnabled,
      @Nullable Boolean variablesInResultEnabled) {}

  /** Camunda's {@code MessageCorrelationResultWithVariableDto}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ResultJson(
      @Nullable String resultType,
      @Nullable InstanceRef processInstance,
      @Nullable Object execution,
      @Nullable Map<String, VariableValueJson> variables) {

    static ResultJson of(
        MessageCorrelationResult result, @Nullable Map<String, VariableValueJson> vars) {
      InstanceRef instance = new InstanceRef(result.processInstanceId());
      return result.kind() == MessageCorrelationResult.Kind.PROCESS_DEFINITION
          ? new ResultJson("ProcessDefinition", instance, null, vars)
          : new ResultJson(
              "Execution", null, new InstanceRefOfExecution(result.processInstanceId()), vars);
    }
  }

  /** The process instance of a result, by id. */
  record InstanceRef(@Nullable String id) {}

  /** The execution of a result, named by its process instance. */
  record InstanceRefOfExecution(@Nullable String processInstanceId) {}
}
