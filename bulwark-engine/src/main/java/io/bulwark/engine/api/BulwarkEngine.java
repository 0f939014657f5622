package io.bulwark.engine.api;

/**
 * A running engine: the entry point of the Java API. Build one with {@link #builder()}, share it
 * across threads, close it once at shutdown (closes the connection pool it created).
 */
public interface BulwarkEngine extends AutoCloseable {

  /** A builder that validates its settings when {@link BulwarkEngineBuilder#build()} runs. */
  static BulwarkEngineBuilder builder() {
    return new BulwarkEngineBuilder();
  }

  RepositoryService repositoryService();

  RuntimeService runtimeService();

  TaskService taskService();

  HistoryService historyService();

  ExternalTaskService externalTaskService();

  ManagementService managementService();

  IdentityService identityService();

  /** Bearer access tokens for API clients (A9). */
  AccessTokenService accessTokenService();

  /** Login throttling, shared by every node on the database (A5). */
  LoginThrottleService loginThrottleService();

  /** Releases the pool and other resources; never throws a checked exception. */
  @Override
  void close();
}
