package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.authz.SqlFilter;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** List and count run on both databases and agree under the same conditions and filter. */
class ListQueryIT {

  @AutoClose private HikariDataSource dataSource;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void pagesAndCountsWithAuthorizationFilter(EngineDatabase database) throws Exception {
    fill(database);
    ListQuery query = alicesFromPriority10().page(2, 3).build();

    try (Connection connection = dataSource.getConnection()) {
      assertThat(query.count(connection)).isEqualTo(10);
      assertThat(query.list(connection, TestTask.MAPPER))
          .extracting(TestTask::id)
          .containsExactly("t24", "t22", "t20");
    }
  }

  /**
   * A page or count under a presumed filter answers only when its presumption holds in the same
   * statement; a page without rows leaves it to the count (Z2, issue 13).
   */
  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void z2_pagesAndCountsOnlyWhenThePresumptionHolds(EngineDatabase database) throws Exception {
    fill(database);
    SqlFilter holds = SqlFilter.of("NOT EXISTS (SELECT 1 FROM bw_task x WHERE x.id = ?)", "t99");
    SqlFilter fails = SqlFilter.of("NOT EXISTS (SELECT 1 FROM bw_task x WHERE x.id = ?)", "t1");

    try (Connection connection = dataSource.getConnection()) {
      ListQuery page = alicesFromPriority10().page(2, 3).build();
      assertThat(page.pageIfHolds(connection, "", holds, TestTask.MAPPER))
          .hasValueSatisfying(
              p -> {
                assertThat(p.rows()).extracting(TestTask::id).containsExactly("t24", "t22", "t20");
                assertThat(p.total()).isEqualTo(10);
              });
      assertThat(page.pageIfHolds(connection, "", fails, TestTask.MAPPER)).isEmpty();

      ListQuery pastTheEnd = alicesFromPriority10().page(30, 3).build();
      assertThat(pastTheEnd.pageIfHolds(connection, "", holds, TestTask.MAPPER))
          .hasValueSatisfying(
              p -> {
                assertThat(p.rows()).isEmpty();
                assertThat(p.total()).isEqualTo(10);
              });
      assertThat(pastTheEnd.pageIfHolds(connection, "", fails, TestTask.MAPPER)).isEmpty();

      assertThat(alicesFromPriority10().countIfHolds(connection, holds)).hasValue(10);
      assertThat(alicesFromPriority10().countIfHolds(connection, fails)).isEmpty();
    }
  }

  /** Thirty tasks, priorities 0 to 29, every other one Alice's. */
  private void fill(EngineDatabase database) {
    dataSource = database.create();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<TestTask> tasks =
        IntStream.range(0, 30)
            .mapToObj(i -> new TestTask("t" + i, "n" + i, i % 2 == 0 ? "alice" : "bob", i, now, 1))
            .toList();
    new CommandExecutor(
            dataSource, new io.bulwark.engine.authz.GrantEverythingTestChecker(), Clock.systemUTC())
        .execute(Actor.user("admin"), TestCommands.WriteRowsCommand.inserting(tasks));
  }

  private static ListQuery.Builder alicesFromPriority10() {
    return ListQueryTest.TASKS
        .query()
        .where("t.priority >= ?", 10)
        .orderBy("priority", SortDirection.DESC)
        .authorizationFilter(SqlFilter.of("t.assignee = ?", "alice"));
  }
}
