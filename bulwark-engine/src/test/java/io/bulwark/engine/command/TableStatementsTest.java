package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableStatementsTest {

  private final TableStatements statements =
      TableStatements.of("bw_thing", List.of("name", "size"), Versioning.OPTIMISTIC);

  @Test
  void oneRowIsTheSingleRowInsert() {
    assertThat(statements.insertSql(1))
        .isEqualTo("INSERT INTO bw_thing (id, name, size, rev) VALUES (?, ?, ?, ?)")
        .isEqualTo(statements.insertSql());
  }

  @Test
  void severalRowsRepeatTheParametersOfOneRowInOneStatement() {
    assertThat(statements.insertSql(3))
        .isEqualTo(
            "INSERT INTO bw_thing (id, name, size, rev) VALUES (?, ?, ?, ?), (?, ?, ?, ?),"
                + " (?, ?, ?, ?)");
  }

  @Test
  void noRowsIsAnError() {
    assertThatThrownBy(() -> statements.insertSql(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rows must be at least 1: 0");
  }
}
