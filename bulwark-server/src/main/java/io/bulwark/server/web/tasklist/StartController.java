package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessDefinition;
import io.bulwark.engine.api.ProcessInstance;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.web.WebUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Starting a process: the latest version of each process the user may start (START_INSTANCE, Z2),
 * each with its own small form (an optional business key), and the start itself; a process whose
 * start event declares a form links to its start form page instead ({@link
 * StartFormPageController}), which confirms the start here.
 */
@Controller
final class StartController {

  static final String START = "/app/tasklist/start";
  private static final int MAX_LISTED = 200;
  static final int MAX_BUSINESS_KEY = 255;

  private final RepositoryService repository;
  private final RuntimeService runtime;

  StartController(BulwarkEngine engine) {
    this.repository = engine.repositoryService();
    this.runtime = engine.runtimeService();
  }

  @GetMapping(START)
  String list(Authentication authentication, Model model) {
    return page(authentication, model, null, null);
  }

  @PostMapping(START)
  ModelAndView start(
      @RequestParam String definitionId,
      @RequestParam(defaultValue = "") String businessKey,
      Authentication authentication,
      Model model) {
    String key = businessKey.strip();
    if (key.length() > MAX_BUSINESS_KEY) {
      return refused(
          authentication,
          model,
          definitionId,
          "Use at most " + MAX_BUSINESS_KEY + " characters for the business key.");
    }
    StartInstanceRequest request =
        StartInstanceRequest.byId(definitionId).withBusinessKey(key.isEmpty() ? null : key);
    try {
      ProcessInstance started =
          runtime.startProcessInstance(WebUser.principal(authentication), request);
      return new ModelAndView(
          "redirect:/app/tasklist?started="
              + URLEncoder.encode(started.processDefinitionKey(), StandardCharsets.UTF_8));
    } catch (ValidationException refused) {
      return refused(
          authentication,
          model,
          definitionId,
          refused.field() != null
              ? "This process has a start form: fill it in to start the process."
              : "This process cannot be started here: it starts by a message or a timer.");
    }
  }

  private ModelAndView refused(
      Authentication authentication, Model model, String definitionId, String error) {
    return new ModelAndView(
        page(authentication, model, definitionId, error), model.asMap(), HttpStatus.OK);
  }

  private String page(
      Authentication authentication,
      Model model,
      @Nullable String refusedId,
      @Nullable String refusedWhy) {
    Principal principal = WebUser.principal(authentication);
    Page<ProcessDefinition> definitions =
        repository.findStartableProcessDefinitions(principal, 0, MAX_LISTED);
    model.addAttribute("definitions", definitions.items());
    model.addAttribute("withForm", withForm(principal, definitions.items()));
    model.addAttribute("total", definitions.total());
    model.addAttribute("refusedId", refusedId);
    model.addAttribute("refusedWhy", refusedWhy);
    return "app/tasklist/start";
  }

  /** The IDs of the listed definitions whose start form has fields: they start on its page. */
  private Set<String> withForm(Principal principal, List<ProcessDefinition> definitions) {
    Set<String> ids = new HashSet<>();
    for (ProcessDefinition d : definitions) {
      if (runtime.getStartForm(principal, d.id()).checksSubmissions()) {
        ids.add(d.id());
      }
    }
    return ids;
  }
}
