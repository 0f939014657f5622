package io.bulwark.engine.bootstrap;

import io.bulwark.engine.api.AccessTokenService;
import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.AuthorizationService;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DecisionService;
import io.bulwark.engine.api.ExternalTaskService;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.KeyService;
import io.bulwark.engine.api.LocationRuleService;
import io.bulwark.engine.api.LoginThrottleService;
import io.bulwark.engine.api.ManagementService;
import io.bulwark.engine.api.PasswordRecoveryService;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.PrincipalIssuer;
import io.bulwark.engine.api.RepositoryService;
import io.bulwark.engine.api.RuntimeService;
import io.bulwark.engine.api.SessionService;
import io.bulwark.engine.api.TaskService;
import io.bulwark.engine.job.JobExecutor;
import io.bulwark.engine.keys.KeySetSync;
import io.bulwark.engine.persistence.Database;
import java.util.Optional;

/** The assembled engine; {@link #close()} stops the job executor, then closes the database. */
record RunningEngine(
    Database database,
    JobExecutor jobExecutor,
    RepositoryService repositoryService,
    RuntimeService runtimeService,
    DecisionService decisionService,
    TaskService taskService,
    HistoryService historyService,
    ExternalTaskService externalTaskService,
    ManagementService managementService,
    IdentityService identityService,
    AccessTokenService accessTokenService,
    LoginThrottleService loginThrottleService,
    PasswordRecoveryService passwordRecoveryService,
    SessionService sessionService,
    AuditService auditService,
    KeyService keyService,
    AuthorizationService authorizationService,
    LocationRuleService locationRuleService,
    PrincipalIssuer issuer,
    Optional<KeySetSync> keySetSync)
    implements BulwarkEngine {

  @Override
  public Principal trustedApplication(String name) {
    return issuer.trustedApplication(name);
  }

  @Override
  public void close() {
    try {
      jobExecutor.stop();
      keySetSync.ifPresent(KeySetSync::close);
    } finally {
      database.close();
    }
  }

  @Override
  public String toString() {
    return "BulwarkEngine";
  }
}
