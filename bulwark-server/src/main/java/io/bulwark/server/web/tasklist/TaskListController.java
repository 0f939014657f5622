package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.api.TaskView;
import io.bulwark.server.web.WebUser;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The task list: my tasks or my groups' unassigned tasks, filtered, sorted and paged by the query
 * string (one engine call, filtered by the user's rights in SQL: Z2, Z3, W8).
 */
@Controller
final class TaskListController {

  private final TaskService tasks;
  private final UserZone zones;

  TaskListController(BulwarkEngine engine) {
    this.tasks = engine.taskService();
    this.zones = new UserZone(engine.identityService());
  }

  @GetMapping("/app/tasklist")
  String list(@RequestParam Map<String, String> query, Authentication authentication, Model model) {
    Principal principal = WebUser.principal(authentication);
    TaskListFilter filter = TaskListFilter.parse(query);
    Page<TaskView> page = tasks.findTasks(principal, filter.toQuery(principal));
    int pages =
        (int) Math.max(1, (page.total() + TaskListFilter.PAGE_SIZE - 1) / TaskListFilter.PAGE_SIZE);
    model.addAttribute("filter", filter);
    ZoneId zone = zones.of(principal);
    model.addAttribute("tasks", page.items().stream().map(t -> TaskRowView.of(t, zone)).toList());
    model.addAttribute("total", page.total());
    model.addAttribute("pages", pages);
    return "app/tasklist/list";
  }
}
