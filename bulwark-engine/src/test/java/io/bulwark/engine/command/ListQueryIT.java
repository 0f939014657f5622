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
    dataSource = database.create();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<TestTask> tasks =
        IntStream.range(0, 30)
            .mapToObj(i -> new TestTask("t" + i, "n" + i, i % 2 == 0 ? "alice" : "bob", i, now, 1))
            .toList();
    new CommandExecutor(
            dataSource, new io.bulwark.engine.authz.GrantEverythingTestChecker(), Clock.systemUTC())
        .execute(Actor.user("admin"), TestCommands.WriteRowsCommand.inserting(tasks));

    ListQuery query =
        ListQueryTest.TASKS
            .query()
            .where("t.priority >= ?", 10)
            .orderBy("priority", SortDirection.DESC)
            .page(2, 3)
            .authorizationFilter(SqlFilter.of("t.assignee = ?", "alice"))
            .build();

    try (Connection connection = dataSource.getConnection()) {
      assertThat(query.count(connection)).isEqualTo(10);
      assertThat(query.list(connection, TestTask.MAPPER))
          .extracting(TestTask::id)
          .containsExactly("t24", "t22", "t20");
    }
  }
}
