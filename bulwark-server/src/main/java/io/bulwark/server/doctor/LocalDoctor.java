package io.bulwark.server.doctor;

import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.config.ServerSettings;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local mode of {@code bulwark doctor} (O1): starts the server's Spring context without a web
 * server, with the same property binding as {@code serve}, in {@link DoctorMode#DOCTOR doctor mode}
 * so that beans with side effects stay off, runs every {@link LocalCheck} bean, and closes the
 * context again.
 */
public final class LocalDoctor {

  private LocalDoctor() {}

  /**
   * Runs the local checks.
   *
   * @param springArgs Spring Boot arguments as for {@code serve}, e.g. {@code
   *     --bulwark.data-dir=/srv/bulwark}
   */
  public static DoctorReport run(String... springArgs) {
    SpringApplication app = new SpringApplication(BulwarkServerApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    // Last argument wins: nobody can turn the doctor context into a serving one.
    String[] args =
        Stream.concat(
                Arrays.stream(springArgs),
                Stream.of("--" + DoctorMode.PROPERTY + "=" + DoctorMode.DOCTOR))
            .toArray(String[]::new);
    try (ConfigurableApplicationContext context = app.run(args)) {
      return LocalChecks.run(
          context.getBeansOfType(LocalCheck.class).values(),
          context.getBean(ServerSettings.class).profile());
    }
  }
}
