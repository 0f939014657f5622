package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.StartForm;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.web.WebUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A process's start form (issue 15): its generated fields, drawn and bound as a task form is
 * ({@link FormFieldView}, {@link TaskFormBinding}), with an optional business key; the engine
 * checks the submission against the form before anything starts (W10), and a refusal comes back
 * with the reason next to each field and the input kept. Only a user who may start the process
 * (START_INSTANCE on its key, Z2) sees the page; to anyone else it answers like a missing one (Z3).
 */
@Controller
final class StartFormPageController {

  static final String FORM = StartController.START + "/{definitionId}";

  private final RuntimeService runtime;
  private final AuthorizationService authorizations;

  StartFormPageController(BulwarkEngine engine) {
    this.runtime = engine.runtimeService();
    this.authorizations = engine.authorizationService();
  }

  @GetMapping(FORM)
  String form(@PathVariable String definitionId, Authentication authentication, Model model) {
    StartForm form = startable(WebUser.principal(authentication), definitionId);
    List<FormFieldView> fields =
        form.fields().stream()
            .map(
                f ->
                    FormFieldView.of(
                        f, TaskFormBinding.display(f, form.defaults().get(f.id())), List.of()))
            .toList();
    return page(model, form, fields, List.of(), "");
  }

  @PostMapping(FORM)
  ModelAndView start(
      @PathVariable String definitionId,
      @RequestParam Map<String, String> submitted,
      Authentication authentication,
      Model model,
      RedirectAttributes redirect) {
    Principal principal = WebUser.principal(authentication);
    StartForm form = startable(principal, definitionId);
    String businessKey = submitted.getOrDefault("businessKey", "").strip();
    TaskFormBinding.Result bound = TaskFormBinding.bind(form.fields(), submitted);
    List<String> formErrors =
        businessKey.length() > StartController.MAX_BUSINESS_KEY
            ? List.of(
                "Use at most "
                    + StartController.MAX_BUSINESS_KEY
                    + " characters for the business"
                    + " key.")
            : List.of();
    ValidationException refused = null;
    if (bound.errors().isEmpty() && formErrors.isEmpty()) {
      try {
        ProcessInstance started =
            runtime.startProcessInstance(
                principal,
                StartInstanceRequest.byId(definitionId)
                    .withBusinessKey(businessKey.isEmpty() ? null : businessKey)
                    .withVariables(bound.variables()));
        redirect.addFlashAttribute("startedInstance", started);
        return new ModelAndView("redirect:" + StartController.START);
      } catch (ValidationException e) {
        refused = e;
      }
    }
    List<FormFieldView> fields = FormFieldView.refused(form.fields(), bound, refused, Map.of());
    if (refused != null && !FormFieldView.namesAField(form.fields(), refused)) {
      formErrors = List.of(FormFieldView.UNDECLARED);
    }
    String view = page(model, form, fields, formErrors, businessKey);
    // 200 with the form again, as form pages do: nothing started.
    return new ModelAndView(view, model.asMap(), HttpStatus.OK);
  }

  /** The start form of a definition the user may start; else not found, as if missing (Z3). */
  private StartForm startable(Principal principal, String definitionId) {
    StartForm form = runtime.getStartForm(principal, definitionId);
    boolean mayStart =
        authorizations
            .check(principal, "START_INSTANCE", "PROCESS_DEFINITION", form.processDefinitionKey())
            .granted();
    if (!mayStart) {
      throw new NotFoundException("process definition " + definitionId + " does not exist");
    }
    return form;
  }

  private static String page(
      Model model,
      StartForm form,
      List<FormFieldView> fields,
      List<String> formErrors,
      String businessKey) {
    model.addAttribute("form", form);
    model.addAttribute("fields", fields);
    model.addAttribute("formErrors", formErrors);
    model.addAttribute("businessKey", businessKey);
    model.addAttribute(
        "errorCount", fields.stream().filter(FormFieldView::invalid).count() + formErrors.size());
    return "app/tasklist/start-form";
  }
}
