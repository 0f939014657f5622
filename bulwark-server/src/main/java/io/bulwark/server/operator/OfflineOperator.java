package io.bulwark.server.operator;

import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.doctor.DoctorMode;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code bulwark admin} with the server stopped: opens the configured engine without a web server
 * (in the read-mostly mode of {@code doctor}, so that nothing else is created, no initial
 * administrator either) and runs {@link OperatorActions} on it. Whoever can open the data directory
 * administers it.
 */
public final class OfflineOperator {

  /** The client named in the authentication log for operations at the console (A7). */
  public static final String CONSOLE = "console";

  private OfflineOperator() {}

  /**
   * Runs {@code action} on the engine of the configured data directory, then closes it.
   *
   * @param springArgs Spring Boot arguments as for {@code serve}, e.g. {@code
   *     --bulwark.data-dir=/srv/bulwark}
   */
  public static <T> T run(Function<OperatorActions, T> action, String... springArgs) {
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
      return action.apply(context.getBean(OperatorActions.class));
    }
  }
}
