package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.TaskView;
import io.bulwark.server.web.WebUser;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The process diagram of a task, with the task's activity highlighted: a page that loads the
 * bpmn-js viewer (a static asset) and the model's XML from the same origin. The XML needs READ on
 * the task and on its process definition (Z2, Z3); without them both answer the generic 404.
 */
@Controller
final class DiagramController {

  private final TaskService tasks;
  private final RepositoryService repository;

  DiagramController(BulwarkEngine engine) {
    this.tasks = engine.taskService();
    this.repository = engine.repositoryService();
  }

  @GetMapping(TaskPageController.TASK + "/diagram")
  String page(@PathVariable String taskId, Authentication authentication, Model model) {
    TaskView task = tasks.getTask(WebUser.principal(authentication), taskId);
    model.addAttribute("task", task);
    return "app/tasklist/diagram";
  }

  @GetMapping(TaskPageController.TASK + "/diagram.bpmn")
  ResponseEntity<String> xml(@PathVariable String taskId, Authentication authentication) {
    Principal principal = WebUser.principal(authentication);
    TaskView task = tasks.getTask(principal, taskId);
    String xml =
        new String(
            repository.getProcessDefinitionXml(principal, task.processDefinitionId()).bytes(),
            StandardCharsets.UTF_8);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
  }
}
