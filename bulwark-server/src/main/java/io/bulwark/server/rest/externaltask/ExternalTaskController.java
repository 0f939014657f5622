package io.bulwark.server.rest.externaltask;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ExternalTaskFailure;
import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.http.TooManyRequestsException;
import io.bulwark.server.rest.Principals;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.BpmnError;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.Complete;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.ExtendLock;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.Failure;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.FetchExternalTasks;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.LockedTask;
import io.bulwark.server.rest.externaltask.ExternalTaskJson.Retries;
import io.bulwark.server.rest.variable.VariableJson;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Camunda 7's external task resource for workers. {@code fetchAndLock} answers at once when tasks
 * are there or no {@code asyncResponseTimeout} is given; otherwise the request waits without a
 * thread ({@link FetchWaiters}) up to that timeout, at most {@code
 * bulwark.api.external-task.max-async-response-timeout} (E8). A worker fetches only topics it holds
 * {@code FETCH_TOPIC} on (403 otherwise), and only the worker holding a task's lock may complete
 * it, report its failure or error, or extend the lock (409 otherwise). Changes answer 204.
 */
@RestController
final class ExternalTaskController {

  static final String BASE = "/engine-rest/external-task";

  private final ExternalTaskService tasks;
  private final FetchWaiters waiters;
  private final ExternalTaskApiSettings settings;

  ExternalTaskController(
      BulwarkEngine engine, FetchWaiters waiters, ExternalTaskApiSettings settings) {
    this.tasks = engine.externalTaskService();
    this.waiters = waiters;
    this.settings = settings;
  }

  @PostMapping(BASE + "/fetchAndLock")
  DeferredResult<List<LockedTask>> fetchAndLock(
      @RequestBody FetchExternalTasks body, Authentication authentication) {
    Principal principal = Principals.of(authentication);
    FetchRequest request = body.toEngine();
    Duration timeout = asyncTimeout(body.asyncResponseTimeout());
    List<LockedExternalTask> locked = tasks.fetchAndLock(principal, request);
    // The Servlet container's own async timeout is a backstop behind the waiters' deadline.
    DeferredResult<List<LockedTask>> result =
        new DeferredResult<>(timeout.toMillis() + 10_000, List::of);
    if (!locked.isEmpty() || timeout.isZero()) {
      result.setResult(locked.stream().map(LockedTask::of).toList());
    } else if (!waiters.await(principal, request, timeout, result)) {
      throw new TooManyRequestsException(
          "Too many workers wait for tasks on this server; try again shortly (E8).",
          Duration.ofSeconds(1));
    }
    return result;
  }

  @PostMapping(BASE + "/{id}/complete")
  ResponseEntity<Void> complete(
      @PathVariable String id, @RequestBody Complete body, Authentication authentication) {
    tasks.complete(
        Principals.of(authentication),
        id,
        ExternalTaskJson.requiredWorker(body.workerId()),
        VariableJson.toEngine(body.variables()),
        VariableJson.toEngine(body.localVariables()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/{id}/failure")
  ResponseEntity<Void> failure(
      @PathVariable String id, @RequestBody Failure body, Authentication authentication) {
    if (body.retries() == null) {
      throw ValidationException.of("retries", "required", "retries is required");
    }
    tasks.handleFailure(
        Principals.of(authentication),
        id,
        ExternalTaskJson.requiredWorker(body.workerId()),
        new ExternalTaskFailure(
            body.errorMessage(),
            body.errorDetails(),
            body.retries(),
            body.retryTimeout() == null ? 0 : body.retryTimeout(),
            VariableJson.toEngine(body.variables()),
            VariableJson.toEngine(body.localVariables())));
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/{id}/bpmnError")
  ResponseEntity<Void> bpmnError(
      @PathVariable String id, @RequestBody BpmnError body, Authentication authentication) {
    if (body.errorCode() == null || body.errorCode().isBlank()) {
      throw ValidationException.of("errorCode", "required", "errorCode is required");
    }
    tasks.handleBpmnError(
        Principals.of(authentication),
        id,
        ExternalTaskJson.requiredWorker(body.workerId()),
        body.errorCode(),
        body.errorMessage(),
        VariableJson.toEngine(body.variables()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/{id}/extendLock")
  ResponseEntity<Void> extendLock(
      @PathVariable String id, @RequestBody ExtendLock body, Authentication authentication) {
    if (body.newDuration() == null) {
      throw ValidationException.of("newDuration", "required", "newDuration is required");
    }
    tasks.extendLock(
        Principals.of(authentication),
        id,
        ExternalTaskJson.requiredWorker(body.workerId()),
        body.newDuration());
    return ResponseEntity.noContent().build();
  }

  @PostMapping(BASE + "/{id}/unlock")
  ResponseEntity<Void> unlock(@PathVariable String id, Authentication authentication) {
    tasks.unlock(Principals.of(authentication), id);
    return ResponseEntity.noContent().build();
  }

  @PutMapping(BASE + "/{id}/retries")
  ResponseEntity<Void> retries(
      @PathVariable String id, @RequestBody Retries body, Authentication authentication) {
    if (body.retries() == null) {
      throw ValidationException.of("retries", "required", "retries is required");
    }
    tasks.setRetries(Principals.of(authentication), id, body.retries());
    return ResponseEntity.noContent().build();
  }

  /** Camunda's milliseconds; absent or 0 answers at once; above the configured maximum a 400. */
  private Duration asyncTimeout(@Nullable Long millis) {
    if (millis == null) {
      return Duration.ZERO;
    }
    long max = settings.maxAsyncResponseTimeout().toMillis();
    if (millis < 0 || millis > max) {
      throw ValidationException.of(
          "asyncResponseTimeout",
          "range",
          "asyncResponseTimeout must be 0 to " + max + " milliseconds (E8)");
    }
    return Duration.ofMillis(millis);
  }
}
