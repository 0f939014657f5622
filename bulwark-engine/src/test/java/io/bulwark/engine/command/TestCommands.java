package io.bulwark.engine.command;

import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** Small commands used by the executor tests. */
final class TestCommands {

  private TestCommands() {}

  /** Registers inserts, updates and deletes of tasks and deployments. */
  record WriteRowsCommand(
      List<TestTask> inserts,
      List<TestDeployment> deployments,
      List<TestTask> updates,
      List<TestTask> deletes)
      implements Command<Void> {

    static WriteRowsCommand inserting(List<TestTask> tasks) {
      return new WriteRowsCommand(tasks, List.of(), List.of(), List.of());
    }

    @Override
    public Requirement requirement() {
      return Requirement.onAny(ResourceType.TASK, Permission.CREATE);
    }

    @Override
    public Void execute(CommandContext context) {
      UnitOfWork unitOfWork = context.unitOfWork();
      inserts.forEach(t -> unitOfWork.insert(TestTask.WRITER, t));
      deployments.forEach(d -> unitOfWork.insert(TestDeployment.WRITER, d));
      updates.forEach(t -> unitOfWork.update(TestTask.WRITER, t.renamed("updated"), t.rev()));
      deletes.forEach(t -> unitOfWork.delete(TestTask.WRITER, t.id(), t.rev()));
      return null;
    }
  }

  /** Runs a query first, so that the transaction has begun before the unit of work is written. */
  record ReadingFirst(WriteRowsCommand then) implements Command<Void> {

    @Override
    public Requirement requirement() {
      return then.requirement();
    }

    @Override
    public Void execute(CommandContext context) throws SQLException {
      TestTask.find(context.connection(), "no-such-task");
      return then.execute(context);
    }
  }

  /** Reads a task, lets the test interleave, then renames it at the revision it read. */
  record RenameTaskCommand(String taskId, String newName, Consumer<TestTask> afterRead)
      implements Command<TestTask> {

    @Override
    public Requirement requirement() {
      return Requirement.of(ResourceType.TASK, Permission.UPDATE, taskId);
    }

    @Override
    public TestTask execute(CommandContext context) throws SQLException {
      TestTask current =
          TestTask.find(context.connection(), taskId)
              .orElseThrow(() -> new NotFoundException("task " + taskId + " not found"));
      afterRead.accept(current);
      TestTask renamed = current.renamed(newName);
      context.unitOfWork().update(TestTask.WRITER, renamed, current.rev());
      return renamed;
    }
  }

  /** Writes eagerly and through the unit of work, then fails. */
  record FailingCommand(TestTask registered, TestDeployment written) implements Command<Void> {

    @Override
    public Requirement requirement() {
      return Requirement.none("test command that only fails");
    }

    @Override
    public Void execute(CommandContext context) throws SQLException {
      context.unitOfWork().insert(TestTask.WRITER, registered);
      try (var statement =
          context
              .connection()
              .prepareStatement(
                  "INSERT INTO bw_deployment (id, name, content_hash, deployed_at)"
                      + " VALUES (?, ?, ?, ?)")) {
        statement.setString(1, written.id());
        statement.setString(2, written.name());
        statement.setString(3, written.contentHash());
        SqlValues.bind(statement, 4, written.deployedAt());
        statement.executeUpdate();
      }
      throw new IllegalStateException("boom after writing");
    }
  }

  /**
   * Reads one task in autocommit mode; with {@code wrongly}, it also registers the task's insert.
   */
  record ReadOnlyCommand(TestTask task, boolean wrongly) implements Command<Boolean> {

    @Override
    public boolean readOnly() {
      return true;
    }

    @Override
    public Requirement requirement() {
      return Requirement.none("test command that only reads");
    }

    @Override
    public Boolean execute(CommandContext context) throws SQLException {
      if (wrongly) {
        context.unitOfWork().insert(TestTask.WRITER, task);
      }
      return TestTask.find(context.connection(), task.id()).isPresent();
    }
  }

  /** A command that wrongly returns no requirement. */
  static final class NoRequirementCommand implements Command<String> {

    @Override
    public Requirement requirement() {
      return null;
    }

    @Override
    public String execute(CommandContext context) {
      return "ran";
    }
  }
}
