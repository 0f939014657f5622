package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.CamundaFormView;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.TaskQuery;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.TaskView;
import io.bulwark.server.rest.IdentityJson.Count;
import io.bulwark.server.rest.TaskJson.Comment;
import io.bulwark.server.rest.TaskJson.Form;
import io.bulwark.server.rest.TaskJson.IdentityLink;
import io.bulwark.server.rest.TaskJson.Link;
import io.bulwark.server.rest.TaskJson.NewComment;
import io.bulwark.server.rest.TaskJson.Task;
import io.bulwark.server.rest.TaskJson.UserId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Camunda 7's task resource under {@code /engine-rest/task}. A task the caller may not read is
 * answered 404 like a missing one (Z3); changes answer 204 as Camunda does.
 */
@RestController
final class TaskController {

  private static final String TASK = RestPaths.BASE + "/task";
  private static final String ONE = TASK + "/{id}";

  private final TaskService tasks;

  TaskController(BulwarkEngine engine) {
    this.tasks = engine.taskService();
  }

  @GetMapping(TASK)
  List<Task> list(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    QueryInput input = QueryInput.ofParameters(parameters, TaskFilters.NAMES);
    return list(input, input.firstResult(), input.maxResults(), authentication);
  }

  @PostMapping(TASK)
  List<Task> query(
      @RequestBody(required = false) JsonNode body,
      @RequestParam(required = false) Integer firstResult,
      @RequestParam(required = false) Integer maxResults,
      Authentication authentication) {
    return list(
        QueryInput.ofBody(body, TaskFilters.NAMES), firstResult, maxResults, authentication);
  }

  @GetMapping(TASK + "/count")
  Count count(
      @RequestParam MultiValueMap<String, String> parameters, Authentication authentication) {
    return count(QueryInput.ofParameters(parameters, TaskFilters.NAMES), authentication);
  }

  @PostMapping(TASK + "/count")
  Count countByBody(@RequestBody(required = false) JsonNode body, Authentication authentication) {
    return count(QueryInput.ofBody(body, TaskFilters.NAMES), authentication);
  }

  @GetMapping(ONE)
  Task get(@PathVariable String id, Authentication authentication) {
    var principal = Principals.of(authentication);
    Task task = Task.of(tasks.getTask(principal, id));
    return tasks
        .getCamundaForm(principal, id)
        .filter(form -> form.key() == null)
        .map(form -> task.withCamundaFormRef(TaskJson.FormRef.of(form)))
        .orElse(task);
  }

  /**
   * Camunda's deployed form: the task's Camunda Form (form-js JSON) as deployed; 404 when the task
   * has none. Submissions are checked against it on the server (W10).
   */
  @GetMapping(value = ONE + "/deployed-form", produces = MediaType.APPLICATION_JSON_VALUE)
  String deployedForm(@PathVariable String id, Authentication authentication) {
    return tasks
        .getCamundaForm(Principals.of(authentication), id)
        .map(CamundaFormView::json)
        .orElseThrow(() -> new NotFoundException("task " + id + " has no Camunda Form"));
  }

  @PostMapping(ONE + "/claim")
  ResponseEntity<Void> claim(
      @PathVariable String id, @RequestBody UserId body, Authentication authentication) {
    tasks.claim(Principals.of(authentication), id, body.userId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(ONE + "/unclaim")
  ResponseEntity<Void> unclaim(@PathVariable String id, Authentication authentication) {
    tasks.unclaim(Principals.of(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(ONE + "/assignee")
  ResponseEntity<Void> assignee(
      @PathVariable String id, @RequestBody UserId body, Authentication authentication) {
    tasks.setAssignee(Principals.of(authentication), id, body.userId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(ONE + "/delegate")
  ResponseEntity<Void> delegate(
      @PathVariable String id, @RequestBody UserId body, Authentication authentication) {
    tasks.delegate(Principals.of(authentication), id, body.userId());
    return ResponseEntity.noContent().build();
  }

  @GetMapping(ONE + "/form")
  Form form(@PathVariable String id, Authentication authentication) {
    return new Form(tasks.getTask(Principals.of(authentication), id).formKey(), null);
  }

  @GetMapping(ONE + "/identity-links")
  List<IdentityLink> identityLinks(
      @PathVariable String id,
      @RequestParam(required = false) String type,
      Authentication authentication) {
    return tasks.getIdentityLinks(Principals.of(authentication), id).stream()
        .filter(link -> type == null || type.equals(link.type()))
        .map(IdentityLink::of)
        .toList();
  }

  @PostMapping(ONE + "/identity-links")
  ResponseEntity<Void> addIdentityLink(
      @PathVariable String id, @RequestBody IdentityLink body, Authentication authentication) {
    tasks.addIdentityLink(Principals.of(authentication), id, body.toEngine());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(ONE + "/identity-links/delete")
  ResponseEntity<Void> deleteIdentityLink(
      @PathVariable String id, @RequestBody IdentityLink body, Authentication authentication) {
    tasks.deleteIdentityLink(Principals.of(authentication), id, body.toEngine());
    return ResponseEntity.noContent().build();
  }

  @GetMapping(ONE + "/comment")
  List<Comment> comments(@PathVariable String id, Authentication authentication) {
    return tasks.getComments(Principals.of(authentication), id).stream()
        .map(c -> Comment.of(c, List.of()))
        .toList();
  }

  @PostMapping(ONE + "/comment/create")
  Comment addComment(
      @PathVariable String id, @RequestBody NewComment body, Authentication authentication) {
    var comment = tasks.addComment(Principals.of(authentication), id, body.message());
    return Comment.of(
        comment,
        List.of(
            new Link("GET", RestPaths.BASE + "/task/" + id + "/comment/" + comment.id(), "self")));
  }

  @GetMapping(ONE + "/comment/{commentId}")
  Comment comment(
      @PathVariable String id, @PathVariable String commentId, Authentication authentication) {
    return Comment.of(tasks.getComment(Principals.of(authentication), id, commentId), List.of());
  }

  private List<Task> list(
      QueryInput input,
      @Nullable Integer firstResult,
      @Nullable Integer maxResults,
      Authentication authentication) {
    TaskQuery query =
        TaskFilters.of(input)
            .page(ListParameters.firstResult(firstResult), ListParameters.maxResults(maxResults))
            .build();
    Page<TaskView> page = tasks.findTasks(Principals.of(authentication), query);
    ListParameters.requireComplete(maxResults, query.firstResult(), page.total());
    return page.items().stream().map(Task::of).toList();
  }

  private Count count(QueryInput input, Authentication authentication) {
    TaskQuery query = TaskFilters.of(input).build();
    return new Count(tasks.countTasks(Principals.of(authentication), query));
  }
}
