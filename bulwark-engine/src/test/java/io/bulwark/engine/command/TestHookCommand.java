package io.bulwark.engine.command;

import io.bulwark.engine.authz.Requirement;
import java.sql.SQLException;

/** Runs a piece of code as a command, standing in for the job executor in tests. */
public final class TestHookCommand implements Command<Void> {

  /** Code that runs in the command's transaction. */
  @FunctionalInterface
  public interface Body {
    void run(CommandContext context) throws SQLException;
  }

  private final Body body;

  public TestHookCommand(Body body) {
    this.body = body;
  }

  @Override
  public Requirement requirement() {
    return Requirement.none("test stand-in for the job executor");
  }

  @Override
  public Void execute(CommandContext context) throws SQLException {
    body.run(context);
    return null;
  }
}
