package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.EndedSessions;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.SessionService;
import io.bulwark.engine.api.UserSession;
import io.bulwark.server.auth.AuthEventLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulwark's session management, which Camunda does not have (A10): {@code GET
 * /engine-rest/user/{id}/sessions} lists a user's web sessions on every node (READ on the user;
 * one's own needs no grant), {@code DELETE .../sessions/{handle}} ends one and {@code DELETE
 * .../sessions} ends all of them and revokes the user's access tokens (UPDATE on the user). An
 * ended session is refused at its next request on whichever node holds it. Every end is an
 * authentication event (A7).
 */
@RestController
final class UserSessionController {

  private static final String SESSIONS = RestPaths.USER + "/{id}/sessions";

  /** A session as the API shows it; the handle names it, never its session ID. */
  record SessionJson(
      @Nullable String handle,
      @Nullable String userId,
      @Nullable String node,
      @Nullable String client,
      @Nullable String userAgent,
      @Nullable String created,
      @Nullable String lastUsed) {

    static SessionJson of(UserSession s) {
      return new SessionJson(
          s.handle(),
          s.userId(),
          s.node(),
          s.client(),
          s.userAgent(),
          CamundaDates.format(s.created()),
          CamundaDates.format(s.lastUsed()));
    }
  }

  private final SessionService sessions;
  private final AuthEventLog events;

  UserSessionController(BulwarkEngine engine, AuthEventLog events) {
    this.sessions = engine.sessionService();
    this.events = events;
  }

  @GetMapping(SESSIONS)
  List<SessionJson> list(@PathVariable String id, Authentication authentication) {
    return sessions.sessionsOf(Principals.of(authentication), id).stream()
        .map(SessionJson::of)
        .toList();
  }

  @DeleteMapping(SESSIONS + "/{handle}")
  ResponseEntity<Void> end(
      @PathVariable String id,
      @PathVariable String handle,
      Authentication authentication,
      HttpServletRequest request) {
    Principal actor = Principals.of(authentication);
    sessions.endSession(actor, id, handle);
    events.sessionsEnded(actor.userId(), id, new EndedSessions(1, 0), request);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping(SESSIONS)
  ResponseEntity<Void> endAll(
      @PathVariable String id, Authentication authentication, HttpServletRequest request) {
    Principal actor = Principals.of(authentication);
    EndedSessions ended = sessions.endAll(actor, id);
    events.sessionsEnded(actor.userId(), id, ended, request);
    return ResponseEntity.noContent().build();
  }
}
