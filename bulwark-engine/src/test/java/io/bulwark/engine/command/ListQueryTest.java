package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.SqlFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {

  static final QueryShape TASKS =
      QueryShape.of(
          "task",
          "t.id, t.name, t.assignee, t.priority, t.created_at, t.rev",
          "bw_task t",
          Map.of("created", "t.created_at", "priority", "t.priority", "name", "t.name"),
          "t.id");

  @Test
  void w8_refusesPageLargerThanMaximum() {
    assertThatThrownBy(() -> TASKS.query().page(0, 2001))
        .isInstanceOf(ValidationException.class)
        .hasMessage("maxResults 2001 for task must be 1..2000 (W8)")
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("maxResults");
  }

  @Test
  void w8_refusesUnboundedQuery() {
    var builder = TASKS.query().authorizationFilter(SqlFilter.unrestricted("test"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unbounded");
  }

  @Test
  void e5_refusesUnknownSortColumn() {
    assertThatThrownBy(() -> TASKS.query().orderBy("t.name; DROP TABLE bw_task", SortDirection.ASC))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "cannot sort task by 't.name; DROP TABLE bw_task'; allowed: [created, name,"
                + " priority]");
  }

  @Test
  void z2_refusesToBuildWithoutAuthorizationFilter() {
    var builder = TASKS.query().page(0, 10);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authorization filter");
  }

  @Test
  void listAndCountShareConditionsAndFilter() {
    ListQuery query =
        TASKS
            .query()
            .where("t.assignee = ?", "alice")
            .whereIn("t.priority", List.of(10, 20))
            .orderBy("created", SortDirection.DESC)
            .page(40, 20)
            .authorizationFilter(SqlFilter.of("t.tenant_id = ?", "acme"))
            .build();

    assertThat(query.countSql())
        .isEqualTo(
            "SELECT COUNT(*) FROM bw_task t WHERE (t.assignee = ?) AND (t.priority IN (?, ?))"
                + " AND (t.tenant_id = ?)");
    assertThat(query.listSql())
        .endsWith(
            "WHERE (t.assignee = ?) AND (t.priority IN (?, ?)) AND (t.tenant_id = ?)"
                + " ORDER BY t.created_at DESC, t.id ASC LIMIT ? OFFSET ?");
    assertThat(query.countParameters()).containsExactly("alice", 10, 20, "acme");
    assertThat(query.listParameters()).containsExactly("alice", 10, 20, "acme", 20, 40);
  }

  @Test
  void shapeRefusesMaximumAboveW8Default() {
    assertThatThrownBy(() -> new QueryShape("task", "t.id", "bw_task t", Map.of(), "t.id", 5000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(W8)");
  }

  @Test
  void whereRefusesMismatchedPlaceholders() {
    assertThatThrownBy(() -> TASKS.query().where("t.assignee = ? OR t.owner = ?", "alice"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
