package io.bulwark.engine.identity;

import io.bulwark.engine.api.EndedSessions;
import io.bulwark.engine.api.NewSession;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SessionService;
import io.bulwark.engine.api.UserSession;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SessionService} over table {@code bw_user_session}, each operation a command of the
 * one {@link CommandExecutor}. Nothing is cached: every check reads the row (A10). Thread-safe.
 */
public final class DatabaseSessionService implements SessionService {

  private static final Actor SYSTEM = Actor.system("sessions");

  private final CommandExecutor executor;
  private final SessionHandles handles = new SessionHandles();

  public DatabaseSessionService(CommandExecutor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public String register(NewSession session) {
    String handle = handles.next();
    executor.execute(
        SYSTEM, new RegisterSessionCommand(handle, Objects.requireNonNull(session, "session")));
    return handle;
  }

  @Override
  public boolean isActive(String handle, Duration lastUsedInterval) {
    Objects.requireNonNull(lastUsedInterval, "lastUsedInterval");
    if (!SessionHandles.isValid(handle)) {
      return false;
    }
    return executor.execute(SYSTEM, new CheckSessionCommand(handle, lastUsedInterval));
  }

  @Override
  public void forget(String handle) {
    if (SessionHandles.isValid(handle)) {
      executor.execute(SYSTEM, new ForgetSessionCommand(handle));
    }
  }

  @Override
  public List<UserSession> sessionsOf(Principal actor, String userId) {
    return run(actor, new ListUserSessionsCommand(userId));
  }

  @Override
  public int endOwnSessions(Principal actor, List<String> handles, @Nullable String currentHandle) {
    return run(actor, new EndOwnSessionsCommand(handles, currentHandle));
  }

  @Override
  public void endSession(Principal actor, String userId, String handle) {
    run(actor, new EndUserSessionCommand(userId, handle));
  }

  @Override
  public EndedSessions endAll(Principal actor, String userId) {
    return run(actor, new EndAllUserSessionsCommand(userId));
  }

  private <T> T run(Principal principal, Command<T> command) {
    return executor.execute(executor.actorOf(principal), command);
  }
}
