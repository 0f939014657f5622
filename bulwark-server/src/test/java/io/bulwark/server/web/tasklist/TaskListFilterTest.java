package io.bulwark.server.web.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.TaskQuery;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskListFilterTest {

  private static final Principal ANA = Principal.user("ana", "clerks");

  @Test
  void withoutParametersItIsMyTasksNewestFirst() {
    TaskListFilter filter = TaskListFilter.parse(Map.of());

    TaskQuery query = filter.toQuery(ANA);

    assertThat(query.assignee()).isEqualTo("ana");
    assertThat(query.candidateUser()).isNull();
    assertThat(query.sorting())
        .containsExactly(new TaskQuery.Order(TaskQuery.Sort.CREATED, SortOrder.DESC));
    assertThat(query.firstResult()).isZero();
    assertThat(query.maxResults()).isEqualTo(TaskListFilter.PAGE_SIZE);
  }

  @Test
  void groupViewWithFiltersBecomesOneEngineQueryWithWholeDaysInUtc() {
    TaskListFilter filter =
        TaskListFilter.parse(
            Map.of(
                "view", "group",
                "text", " invoice ",
                "process", "expense",
                "dueAfter", "2031-05-01",
                "dueBefore", "2031-05-02",
                "priority", "50",
                "sort", "priority",
                "order", "asc",
                "page", "3"));

    TaskQuery query = filter.toQuery(ANA);

    assertThat(query.assignee()).isNull();
    assertThat(query.candidateUser()).isEqualTo("ana");
    assertThat(query.candidateGroups()).containsExactly("clerks");
    assertThat(query.nameLikeIgnoreCase()).isEqualTo("%invoice%");
    assertThat(query.processDefinitionKey()).isEqualTo("expense");
    assertThat(query.dueAfter()).isEqualTo(Instant.parse("2031-04-30T23:59:59.999Z"));
    assertThat(query.dueBefore()).isEqualTo(Instant.parse("2031-05-03T00:00:00Z"));
    assertThat(query.minPriority()).isEqualTo(50);
    assertThat(query.sorting())
        .containsExactly(new TaskQuery.Order(TaskQuery.Sort.PRIORITY, SortOrder.ASC));
    assertThat(query.firstResult()).isEqualTo(2 * TaskListFilter.PAGE_SIZE);
  }

  @Test
  void badValuesAreDroppedAndNamedNeverPassedOn() {
    TaskListFilter filter =
        TaskListFilter.parse(
            Map.of("dueAfter", "tomorrow", "priority", "high", "sort", "name; DROP", "page", "x"));

    assertThat(filter.errors()).containsOnlyKeys("dueAfter", "priority");
    assertThat(filter.sort()).isEqualTo("created");
    assertThat(filter.page()).isEqualTo(1);
    assertThat(filter.toQuery(ANA).dueAfter()).isNull();
  }

  @Test
  void linksKeepTheFilterAndEncodeItsValues() {
    TaskListFilter filter =
        TaskListFilter.parse(Map.of("view", "group", "text", "a&b=c+d", "sort", "dueDate"));

    assertThat(filter.pageLink(2))
        .isEqualTo("/app/tasklist?view=group&text=a%26b%3Dc%2Bd&sort=dueDate&order=desc&page=2");
    assertThat(filter.sortLink("dueDate")).contains("sort=dueDate&order=asc");
    assertThat(filter.ariaSort("dueDate")).isEqualTo("descending");
    assertThat(filter.ariaSort("priority")).isEqualTo("none");
  }
}
