package io.bulwark.server.web.tasklist;

import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.TaskQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The filters, sort and page of the task list as the query string carries them (due dates are whole
 * days in UTC, both ends included; the name filter ignores case, and {@code %} and {@code _} in it
 * match any characters, as the engine's LIKE filter does), so that a filtered list is a link that
 * works without JavaScript. Values that do not parse are dropped and reported in {@link #errors()}
 * by parameter name; the list is shown without them.
 *
 * <p>Without parameters: my tasks, newest first.
 *
 * @param view {@code mine} (assigned to me) or {@code group} (unassigned, offered to me or my
 *     groups)
 */
public record TaskListFilter(
    String view,
    @Nullable String process,
    @Nullable String text,
    @Nullable LocalDate dueAfter,
    @Nullable LocalDate dueBefore,
    @Nullable Integer minPriority,
    String sort,
    SortOrder order,
    int page,
    Map<String, String> errors) {

  static final int PAGE_SIZE = 25;

  /** The sort keys of the list's columns. */
  static final Map<String, TaskQuery.Sort> SORTS =
      Map.of(
          "created", TaskQuery.Sort.CREATED,
          "priority", TaskQuery.Sort.PRIORITY,
          "dueDate", TaskQuery.Sort.DUE_DATE);

  private static final int MAX_TEXT = 100;
  private static final int MAX_PAGE = 10_000;

  static TaskListFilter parse(Map<String, String> query) {
    Map<String, String> errors = new LinkedHashMap<>();
    String view = "group".equals(query.get("view")) ? "group" : "mine";
    String process = text(query, "process", errors);
    String text = text(query, "text", errors);
    LocalDate dueAfter = date(query, "dueAfter", errors);
    LocalDate dueBefore = date(query, "dueBefore", errors);
    Integer minPriority = null;
    String priority = blankToNull(query.get("priority"));
    if (priority != null) {
      try {
        minPriority = Integer.valueOf(priority);
      } catch (NumberFormatException e) {
        errors.put("priority", "Enter a whole number.");
      }
    }
    String requestedSort = query.getOrDefault("sort", "");
    String sort = SORTS.containsKey(requestedSort) ? requestedSort : "created";
    // Newest first unless asked otherwise.
    SortOrder order = "asc".equals(query.get("order")) ? SortOrder.ASC : SortOrder.DESC;
    int page = 1;
    String pageText = blankToNull(query.get("page"));
    if (pageText != null) {
      try {
        page = Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(pageText)));
      } catch (NumberFormatException e) {
        page = 1;
      }
    }
    return new TaskListFilter(
        view, process, text, dueAfter, dueBefore, minPriority, sort, order, page, errors);
  }

  /** The engine query for this filter, acting as {@code principal}. */
  TaskQuery toQuery(Principal principal) {
    TaskQuery base =
        "group".equals(view)
            ? TaskQuery.all().candidateFor(principal.userId(), principal.groups())
            : TaskQuery.all().assignedTo(principal.userId());
    return base.toBuilder()
        .processDefinitionKey(process)
        .nameLikeIgnoreCase(text == null ? null : "%" + text + "%")
        .due(
            dueAfter == null
                ? null
                : dueAfter.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1),
            dueBefore == null
                ? null
                : dueBefore.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .priorityBetween(minPriority, null)
        .sorting(
            List.of(new TaskQuery.Order(SORTS.getOrDefault(sort, TaskQuery.Sort.CREATED), order)))
        .page((page - 1) * PAGE_SIZE, PAGE_SIZE)
        .build();
  }

  /** The list URL with this filter and another page, view, sort or order. */
  public String link(String newView, String newSort, SortOrder newOrder, int newPage) {
    StringBuilder uri = new StringBuilder("/app/tasklist?view=").append(newView);
    param(uri, "process", process);
    param(uri, "text", text);
    param(uri, "dueAfter", dueAfter);
    param(uri, "dueBefore", dueBefore);
    param(uri, "priority", minPriority);
    param(uri, "sort", newSort);
    param(uri, "order", newOrder == SortOrder.DESC ? "desc" : "asc");
    if (newPage > 1) {
      param(uri, "page", newPage);
    }
    return uri.toString();
  }

  public String pageLink(int newPage) {
    return link(view, sort, order, newPage);
  }

  public String viewLink(String newView) {
    return link(newView, sort, order, 1);
  }

  /** The link of a column header: ascending first, descending when already ascending. */
  public String sortLink(String key) {
    SortOrder next = key.equals(sort) && order == SortOrder.ASC ? SortOrder.DESC : SortOrder.ASC;
    return link(view, key, next, 1);
  }

  /** Whether any filter is set (or was given and refused), so the filter panel opens. */
  public boolean active() {
    return process != null
        || text != null
        || dueAfter != null
        || dueBefore != null
        || minPriority != null
        || !errors.isEmpty();
  }

  /** The {@code aria-sort} value of a column header. */
  public String ariaSort(String key) {
    if (!key.equals(sort)) {
      return "none";
    }
    return order == SortOrder.DESC ? "descending" : "ascending";
  }

  private static void param(StringBuilder uri, String name, @Nullable Object value) {
    if (value != null) {
      uri.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
  }

  private static @Nullable String text(
      Map<String, String> query, String name, Map<String, String> errors) {
    String value = blankToNull(query.get(name));
    if (value != null && value.length() > MAX_TEXT) {
      errors.put(name, "Use at most " + MAX_TEXT + " characters.");
      return null;
    }
    return value == null ? null : value.strip();
  }

  private static @Nullable LocalDate date(
      Map<String, String> query, String name, Map<String, String> errors) {
    String value = blankToNull(query.get(name));
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.put(name, "Enter a date as YYYY-MM-DD.");
      return null;
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
