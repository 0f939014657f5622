package io.bulwark.server.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.StartForm;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.rest.EngineJson.ProcessInstanceJson;
import io.bulwark.server.rest.variable.VariableJson;
import io.bulwark.server.rest.variable.VariableValueJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's start form resources of a process definition (by id, or the latest version of a key):
 * the form key or Camunda Form reference, the form variables (the fields' literal defaults), the
 * deployed Camunda Form, and submit-form, which starts an instance checked against the start form
 * (W10: undeclared keys, types, required, constraints, read-only answer 400 naming field and rule,
 * and nothing starts). Seeing the form needs READ or START_INSTANCE on the key, submitting it
 * START_INSTANCE (Z2).
 */
@RestController
final class StartFormController {

  private static final String BY_ID = ProcessDefinitionController.PATH + "/{id}";
  private static final String BY_KEY = ProcessDefinitionController.PATH + "/key/{key}";

  private final RuntimeService runtime;

  StartFormController(BulwarkEngine engine) {
    this.runtime = engine.runtimeService();
  }

  /**
   * Camunda's {@code FormDto} of a start form: no embedded forms, so no context path; {@code
   * camundaFormRef} only when the start event names a Camunda Form by id.
   */
  record StartFormJson(
      @Nullable String key,
      @Nullable String contextPath,
      @JsonInclude(JsonInclude.Include.NON_NULL) TaskJson.@Nullable FormRef camundaFormRef) {
    static StartFormJson of(StartForm form) {
      CamundaFormView camunda = form.camundaForm();
      return new StartFormJson(
          form.formKey(),
          null,
          camunda != null && camunda.key() == null ? TaskJson.FormRef.of(camunda) : null);
    }
  }

  /** Camunda's {@code StartProcessInstanceFormDto}: the submitted variables and a business key. */
  record SubmitJson(@Nullable Map<String, JsonNode> variables, @Nullable String businessKey) {}

  @GetMapping(BY_ID + "/startForm")
  StartFormJson startForm(@PathVariable String id, Authentication authentication) {
    return StartFormJson.of(runtime.getStartForm(Principals.of(authentication), id));
  }

  @GetMapping(BY_KEY + "/startForm")
  StartFormJson startFormByKey(@PathVariable String key, Authentication authentication) {
    return StartFormJson.of(runtime.getLatestStartForm(Principals.of(authentication), key));
  }

  @GetMapping(BY_ID + "/form-variables")
  Map<String, VariableValueJson> formVariables(
      @PathVariable String id,
      @RequestParam(required = false) String variableNames,
      Authentication authentication) {
    return variables(runtime.getStartForm(Principals.of(authentication), id), variableNames);
  }

  @GetMapping(BY_KEY + "/form-variables")
  Map<String, VariableValueJson> formVariablesByKey(
      @PathVariable String key,
      @RequestParam(required = false) String variableNames,
      Authentication authentication) {
    return variables(runtime.getLatestStartForm(Principals.of(authentication), key), variableNames);
  }

  @GetMapping(value = BY_ID + "/deployed-start-form", produces = MediaType.APPLICATION_JSON_VALUE)
  String deployedStartForm(@PathVariable String id, Authentication authentication) {
    return deployed(() -> runtime.getStartForm(Principals.of(authentication), id));
  }

  @GetMapping(value = BY_KEY + "/deployed-start-form", produces = MediaType.APPLICATION_JSON_VALUE)
  String deployedStartFormByKey(@PathVariable String key, Authentication authentication) {
    return deployed(() -> runtime.getLatestStartForm(Principals.of(authentication), key));
  }

  @PostMapping(BY_ID + "/submit-form")
  ProcessInstanceJson submit(
      @PathVariable String id,
      @RequestBody(required = false) SubmitJson body,
      Authentication authentication) {
    return submit(StartInstanceRequest.byId(id), body, authentication);
  }

  @PostMapping(BY_KEY + "/submit-form")
  ProcessInstanceJson submitByKey(
      @PathVariable String key,
      @RequestBody(required = false) SubmitJson body,
      Authentication authentication) {
    return submit(StartInstanceRequest.byKey(key), body, authentication);
  }

  private ProcessInstanceJson submit(
      StartInstanceRequest target, SubmitJson body, Authentication authentication) {
    SubmitJson submitted = body == null ? new SubmitJson(null, null) : body;
    ProcessInstance instance =
        runtime.startProcessInstance(
            Principals.of(authentication),
            target
                .withBusinessKey(submitted.businessKey())
                .withVariables(VariableJson.toEngine(submitted.variables())));
    return ProcessInstanceJson.started(instance, null, null);
  }

  private static Map<String, VariableValueJson> variables(StartForm form, String names) {
    Map<String, Object> defaults = new LinkedHashMap<>(form.defaults());
    if (names != null) {
      defaults.keySet().retainAll(List.of(names.split(",")));
    }
    return VariableJson.toCamunda(defaults);
  }

  private static String deployed(Supplier<StartForm> form) {
    StartForm found = form.get();
    CamundaFormView camunda = found.camundaForm();
    if (camunda == null) {
      throw new NotFoundException(
          "process definition " + found.processDefinitionId() + " has no Camunda start form");
    }
    return camunda.json();
  }
}
