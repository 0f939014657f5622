package io.bulwark.server.http;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Doctor check W9: development leftovers in what this server runs and serves, read from its class
 * path and settings: Spring Boot DevTools, the H2 web console, exposed actuator endpoints, and
 * source maps among the static files served. Any of them is a FAIL.
 */
@Component
public final class W9DevelopmentLeftoversCheck implements LocalCheck {

  /** Where Spring Boot serves static files from. */
  private static final List<String> SERVED =
      List.of("static", "public", "resources", "META-INF/resources");

  private final Environment environment;
  private final ResourcePatternResolver resources;

  public W9DevelopmentLeftoversCheck(Environment environment, ResourceLoader loader) {
    this.environment = environment;
    this.resources = ResourcePatternUtils.getResourcePatternResolver(loader);
  }

  @Override
  public String id() {
    return "W9";
  }

  @Override
  public Finding run() {
    ClassLoader classes = resources.getClassLoader();
    List<String> leftovers = new ArrayList<>();
    if (ClassUtils.isPresent("org.springframework.boot.devtools.restart.Restarter", classes)) {
      leftovers.add("Spring Boot DevTools on the class path");
    }
    if (environment.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
      leftovers.add("the H2 web console is on (spring.h2.console.enabled)");
    }
    String exposed = environment.getProperty("management.endpoints.web.exposure.include", "");
    if (!exposed.isBlank()
        && !exposed.strip().equalsIgnoreCase("health")
        && ClassUtils.isPresent(
            "org.springframework.boot.actuate.endpoint.annotation.Endpoint", classes)) {
      leftovers.add("actuator endpoints exposed: " + exposed.strip());
    }
    List<String> maps = sourceMaps();
    if (!maps.isEmpty()) {
      leftovers.add("source maps served: " + String.join(", ", maps));
    }
    if (!leftovers.isEmpty()) {
      return Finding.fail(
          id(),
          String.join("; ", leftovers),
          "remove development tools, consoles, actuator exposure and source maps from the"
              + " production build and settings");
    }
    return Finding.pass(
        id(),
        "no DevTools, no H2 console, no actuator endpoints exposed, no source maps among the"
            + " served files");
  }

  private List<String> sourceMaps() {
    List<String> found = new ArrayList<>();
    for (String root : SERVED) {
      try {
        for (Resource map : resources.getResources("classpath*:" + root + "/**/*.map")) {
          String name = String.valueOf(map.getFilename());
          if (name.toLowerCase(Locale.ROOT).endsWith(".map")) {
            found.add(root + "/.../" + name);
          }
        }
      } catch (IOException e) {
        found.add(root + " (cannot be listed: " + e.getClass().getSimpleName() + ")");
      }
    }
    return found;
  }
}
