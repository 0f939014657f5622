package io.bulwark.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.ConflictException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void interruptedFailureRestoresInterruptFlag() {
    SQLException failure = new SQLException("socket read", "08006", new InterruptedException());

    RuntimeException translated = SqlErrors.translate("ClaimTaskCommand", failure);

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(translated).isInstanceOf(PersistenceException.class).hasCause(failure);
  }

  @Test
  void serializationFailureInBatchChainIsConflict() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", new int[0]);
    batch.setNextException(new SQLException("could not serialize", "40001"));

    assertThat(SqlErrors.translate("X", batch)).isInstanceOf(ConflictException.class);
  }

  @Test
  void w5_messageCarriesNoSql() {
    SQLException failure = new SQLException("syntax error at SELECT secret FROM t", "42601");

    assertThat(SqlErrors.translate("ListTasksCommand", failure))
        .isInstanceOf(PersistenceException.class)
        .hasMessage("ListTasksCommand failed in the database (SQL state 42601)");
  }
}
