package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ForbiddenException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskFormField;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.TaskView;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.web.WebUser;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One task: its details and form, claim, unclaim, delegate, complete, and resolve a delegated task.
 * Each action is one engine call as the signed-in user; a task that is missing or not the user's to
 * see answers the generic 404 page of {@code WebErrorAdvice} (Z3). A refused completion shows the
 * page again with the user's input and the engine's reasons next to the field (W10).
 */
@Controller
final class TaskPageController {

  static final String TASK = "/app/tasklist/tasks/{taskId}";
  private static final int MAX_USER_ID = 255;

  private final TaskService tasks;

  private final UserZone zones;

  TaskPageController(BulwarkEngine engine) {
    this.tasks = engine.taskService();
    this.zones = new UserZone(engine.identityService());
  }

  @GetMapping(TASK)
  String show(
      @PathVariable String taskId,
      @RequestParam(name = "delegateRefused", required = false) String delegateRefused,
      Authentication authentication,
      Model model) {
    // Thymeleaf does not let request parameters into attribute expressions: pass it as a flag.
    model.addAttribute("delegateRefused", delegateRefused != null);
    Principal principal = WebUser.principal(authentication);
    TaskView task = tasks.getTask(principal, taskId);
    Map<String, Object> variables = variablesOrEmpty(principal, taskId);
    if (CamundaFormPage.add(model, tasks, principal, taskId, variables)) {
      return page(model, zones.of(principal), task, List.of(), Map.of(), List.of());
    }
    List<TaskFormField> fields = tasks.getFormFields(principal, taskId);
    List<FormFieldView> views =
        fields.stream()
            .map(
                f ->
                    FormFieldView.of(
                        f, TaskFormBinding.display(f, variables.get(f.id())), List.of()))
            .toList();
    return page(
        model,
        zones.of(principal),
        task,
        views,
        fields.isEmpty() ? variables : Map.of(),
        List.of());
  }

  @PostMapping(TASK + "/claim")
  String claim(@PathVariable String taskId, Authentication authentication) {
    Principal principal = WebUser.principal(authentication);
    tasks.claim(principal, taskId, principal.userId());
    return "redirect:/app/tasklist/tasks/" + taskId + "?claimed";
  }

  @PostMapping(TASK + "/unclaim")
  String unclaim(@PathVariable String taskId, Authentication authentication) {
    tasks.unclaim(WebUser.principal(authentication), taskId);
    return "redirect:/app/tasklist?view=group&unclaimed";
  }

  @PostMapping(TASK + "/delegate")
  String delegate(
      @PathVariable String taskId,
      @RequestParam(defaultValue = "") String delegateTo,
      Authentication authentication) {
    String userId = delegateTo.strip();
    if (userId.isEmpty() || userId.length() > MAX_USER_ID) {
      return "redirect:/app/tasklist/tasks/" + taskId + "?delegateRefused";
    }
    try {
      tasks.delegate(WebUser.principal(authentication), taskId, userId);
    } catch (ValidationException refused) {
      return "redirect:/app/tasklist/tasks/" + taskId + "?delegateRefused";
    }
    return "redirect:/app/tasklist?delegated";
  }

  @PostMapping(TASK)
  ModelAndView complete(
      @PathVariable String taskId,
      @RequestParam Map<String, String> submitted,
      Authentication authentication,
      Model model) {
    return submit(taskId, submitted, authentication, model, Submission.COMPLETE);
  }

  @PostMapping(TASK + "/resolve")
  ModelAndView resolve(
      @PathVariable String taskId,
      @RequestParam Map<String, String> submitted,
      Authentication authentication,
      Model model) {
    return submit(taskId, submitted, authentication, model, Submission.RESOLVE);
  }

  /** Completing a task, or resolving a delegated one (which gives it back to its owner). */
  private enum Submission {
    COMPLETE,
    RESOLVE
  }

  private ModelAndView submit(
      String taskId,
      Map<String, String> submitted,
      Authentication authentication,
      Model model,
      Submission submission) {
    Principal principal = WebUser.principal(authentication);
    Map<String, Object> current = variablesOrEmpty(principal, taskId);
    if (CamundaFormPage.add(model, tasks, principal, taskId, current)) {
      // A Camunda Form is sent by its script as JSON; a plain post means no JavaScript.
      String view =
          page(
              model,
              zones.of(principal),
              tasks.getTask(principal, taskId),
              List.of(),
              Map.of(),
              List.of(CamundaFormPage.NEEDS_SCRIPT));
      return new ModelAndView(view, model.asMap(), HttpStatus.OK);
    }
    List<TaskFormField> fields = tasks.getFormFields(principal, taskId);
    TaskFormBinding.Result bound = TaskFormBinding.bind(fields, submitted);
    if (bound.errors().isEmpty()) {
      try {
        if (submission == Submission.RESOLVE) {
          tasks.resolve(principal, taskId, bound.variables());
          return new ModelAndView("redirect:/app/tasklist?resolved");
        }
        tasks.complete(principal, taskId, bound.variables());
        return new ModelAndView("redirect:/app/tasklist?completed");
      } catch (ValidationException refused) {
        return refused(principal, taskId, fields, bound, refused, model);
      }
    }
    return refused(principal, taskId, fields, bound, null, model);
  }

  private ModelAndView refused(
      Principal principal,
      String taskId,
      List<TaskFormField> fields,
      TaskFormBinding.Result bound,
      @Nullable ValidationException refused,
      Model model) {
    TaskView task = tasks.getTask(principal, taskId);
    Map<String, Object> current = variablesOrEmpty(principal, taskId);
    List<String> formErrors =
        refused != null && !FormFieldView.namesAField(fields, refused)
            ? List.of(FormFieldView.UNDECLARED)
            : List.of();
    List<FormFieldView> views = FormFieldView.refused(fields, bound, refused, current);
    String view = page(model, zones.of(principal), task, views, Map.of(), formErrors);
    // 200 with the form again, as form pages do: nothing was stored and the task stays open.
    return new ModelAndView(view, model.asMap(), HttpStatus.OK);
  }

  private Map<String, Object> variablesOrEmpty(Principal principal, String taskId) {
    try {
      return tasks.getVariables(principal, taskId);
    } catch (ForbiddenException notReadable) {
      return Map.of();
    }
  }

  private static String page(
      Model model,
      ZoneId zone,
      TaskView task,
      List<FormFieldView> fields,
      Map<String, Object> variables,
      List<String> formErrors) {
    model.addAttribute("task", task);
    model.mergeAttributes(Map.of("delegateRefused", false, "camundaForm", ""));
    model.addAttribute("due", TaskRowView.shown(task.dueDate(), zone));
    model.addAttribute("fields", fields);
    model.addAttribute("variables", variables);
    model.addAttribute("formErrors", formErrors);
    model.addAttribute(
        "errorCount", fields.stream().filter(FormFieldView::invalid).count() + formErrors.size());
    return "app/tasklist/task";
  }
}
