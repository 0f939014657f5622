package io.bulwark.server.auth;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.doctor.DoctorMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bulwark admin unlock USER} with the server stopped (A5): opens the configured engine
 * without a web server (in the read-mostly mode of {@code doctor}, so that nothing else is created)
 * and lifts every lock of the account as the local operator, a member of {@value
 * IdentityService#ADMINISTRATORS_GROUP}: whoever can open the data directory administers it. The
 * unlock is logged to the authentication log (A7).
 */
public final class OfflineUnlock {

  /** The principal of the operator at the console. */
  static final Principal OPERATOR =
      new Principal("operator", Set.of(IdentityService.ADMINISTRATORS_GROUP));

  private OfflineUnlock() {}

  /**
   * Unlocks an account.
   *
   * @param springArgs Spring Boot arguments as for {@code serve}, e.g. {@code
   *     --bulwark.data-dir=/srv/bulwark}
   * @return how many locks were lifted, or empty when no such user exists
   */
  public static Optional<Integer> unlock(String userId, String... springArgs) {
    SpringApplication app = new SpringApplication(BulwarkServerApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    String[] args =
        Stream.concat(
                Arrays.stream(springArgs),
                Stream.of("--" + DoctorMode.PROPERTY + "=" + DoctorMode.DOCTOR))
            .toArray(String[]::new);
    try (ConfigurableApplicationContext context = app.run(args)) {
      BulwarkEngine engine = context.getBean(BulwarkEngine.class);
      if (engine.identityService().findUser(userId).isEmpty()) {
        return Optional.empty();
      }
      int lifted = engine.loginThrottleService().unlock(OPERATOR, userId);
      context.getBean(AuthEventLog.class).unlocked(OPERATOR.userId(), userId, lifted, "console");
      return Optional.of(lifted);
    }
  }
}
