package io.bulwark.engine.api;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in web sessions of every node sharing the database (A10). A node registers each
 * session at sign-in and checks it at every request ({@link #isActive}, one primary-key read, and a
 * write at most once per {@code lastUsedInterval}); a session ended here on any node is refused at
 * its next request on the node that holds it. Users list and end their own sessions; administrators
 * list and end anyone's, and end a user's tokens with them. Thread-safe; each method is one command
 * of the engine's command executor.
 *
 * <p>Handles match {@value #HANDLE_PATTERN}; anything else is refused with a {@link
 * ValidationException} (field {@code handle}, rule {@code handle-pattern}) before any SQL.
 */
public interface SessionService {

  /** What a handle looks like: 128 random bits as lower-case hex. */
  String HANDLE_PATTERN = "[0-9a-f]{32}";

  /**
   * Records a session that just signed in and returns its new handle; forgets sessions unused for a
   * day or more (their nodes are gone). The caller has authenticated the user.
   */
  String register(NewSession session);

  /**
   * Whether the session is still active: false when it was ended (here or on another node) or is
   * unknown. Records the use when the recorded last use is {@code lastUsedInterval} old or older.
   */
  boolean isActive(String handle, Duration lastUsedInterval);

  /** Forgets a session that ended on its own node (logout, timeout); nothing when unknown. */
  void forget(String handle);

  /**
   * The user's active sessions on every node, newest first (READ on the user; a user reads their
   * own without a grant, Z9).
   *
   * @throws NotFoundException the actor may not read the user
   */
  List<UserSession> sessionsOf(Principal actor, String userId);

  /**
   * Ends the acting user's own sessions with these handles on every node, never {@code
   * currentHandle}; handles of other users' sessions are ignored. Needs no grant: the user is the
   * actor.
   *
   * @return how many sessions ended
   * @throws ForbiddenException the actor is not a user
   */
  int endOwnSessions(Principal actor, List<String> handles, @Nullable String currentHandle);

  /**
   * Ends one session of a user on whichever node holds it (UPDATE on the user).
   *
   * @throws NotFoundException the user has no active session with that handle
   */
  void endSession(Principal actor, String userId, String handle);

  /** Ends all of a user's sessions on every node and revokes their access tokens (UPDATE). */
  EndedSessions endAll(Principal actor, String userId);
}
