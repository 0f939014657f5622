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

  /** Deployed DMN decisions: list, read, evaluate. */
  DecisionService decisionService();

  TaskService taskService();

  HistoryService historyService();

  ExternalTaskService externalTaskService();

  ManagementService managementService();

  IdentityService identityService();

  /** Authorization rules and explain (Z2, Z5, Z8). */
  AuthorizationService authorizationService();

  /** Location rules of the server's web apps, API and internal services (Z4). */
  LocationRuleService locationRuleService();

  /** Bearer access tokens for API clients (A9). */
  AccessTokenService accessTokenService();

  /** Login throttling, shared by every node on the database (A5). */
  LoginThrottleService loginThrottleService();

  /** Password recovery by an e-mailed single-use link (A11). */
  PasswordRecoveryService passwordRecoveryService();

  /** The signed-in web sessions of every node, to list and end them (A10). */
  SessionService sessionService();

  /** The tamper-evident audit log, shared by every node on the database (D4). */
  AuditService auditService();

  /** The key store's key set: list and rotate while the engine runs (D2). */
  KeyService keyService();

  /**
   * A principal for the embedding application itself (Z2): every call made with it is granted, by
   * the rule "trusted application NAME". Use it for the application's own work (deploying its
   * models, starting instances on its own behalf); act for a user with {@link Principal#user}
   * instead, so that the user's grants and case security apply. The principal works only with this
   * engine.
   */
  Principal trustedApplication(String name);

  /** Releases the pool and other resources; never throws a checked exception. */
  @Override
  void close();
}
