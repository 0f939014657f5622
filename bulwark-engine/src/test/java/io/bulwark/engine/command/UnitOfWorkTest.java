package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnitOfWorkTest {

  private static final TestTask TASK = new TestTask("t1", "a", null, 50, Instant.EPOCH, 1);

  @Test
  void updateOfInsertedRowChangesTheInsert() {
    UnitOfWork unitOfWork = new UnitOfWork();
    unitOfWork.insert(TestTask.WRITER, TASK);
    unitOfWork.update(TestTask.WRITER, TASK.renamed("b"), 1);

    assertThat(unitOfWork.pending())
        .containsExactly(new RowChange.Insert<>(TestTask.WRITER, TASK.renamed("b")));
  }

  @Test
  void deleteOfInsertedRowCancelsTheInsert() {
    UnitOfWork unitOfWork = new UnitOfWork();
    unitOfWork.insert(TestTask.WRITER, TASK);
    unitOfWork.delete(TestTask.WRITER, "t1", 1);

    assertThat(unitOfWork.pending()).isEmpty();
  }

  @Test
  void secondUpdateKeepsTheFirstExpectedRevision() {
    UnitOfWork unitOfWork = new UnitOfWork();
    unitOfWork.update(TestTask.WRITER, TASK.renamed("b"), 1);
    unitOfWork.update(TestTask.WRITER, TASK.renamed("c"), 2);

    assertThat(unitOfWork.pending())
        .containsExactly(new RowChange.Update<>(TestTask.WRITER, TASK.renamed("c"), 1));
  }

  @Test
  void versionedTableRefusesUpdateWithoutRevision() {
    assertThatThrownBy(() -> new UnitOfWork().update(TestTask.WRITER, TASK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPTIMISTIC");
  }

  @Test
  void statementsOfVersionedTableCheckAndIncrementRevision() {
    TableStatements statements = TableStatements.of(TestTask.WRITER);

    assertThat(statements.insertSql())
        .isEqualTo(
            "INSERT INTO bw_task (id, name, assignee, priority, created_at, rev)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    assertThat(statements.updateSql())
        .isEqualTo(
            "UPDATE bw_task SET name = ?, assignee = ?, priority = ?, created_at = ?,"
                + " rev = rev + 1 WHERE id = ? AND rev = ?");
    assertThat(statements.deleteSql()).isEqualTo("DELETE FROM bw_task WHERE id = ? AND rev = ?");
  }
}
