package io.bulwark.server.rest;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda 7's {@code GET /engine-rest/version} and {@code GET /engine-rest/engine}: the version of
 * the Camunda REST API that Bulwark follows (so that clients pick the matching requests), and the
 * one engine, {@code default}.
 */
@RestController
final class EngineInfoController {

  /** The Camunda 7 REST API version whose paths and shapes Bulwark follows. */
  static final String CAMUNDA_API_VERSION = "7.24.0";

  @GetMapping(RestPaths.BASE + "/version")
  VersionJson version() {
    return new VersionJson(CAMUNDA_API_VERSION);
  }

  @GetMapping(RestPaths.BASE + "/engine")
  List<EngineNameJson> engines() {
    return List.of(new EngineNameJson("default"));
  }

  record VersionJson(@Nullable String version) {}

  record EngineNameJson(@Nullable String name) {}
}
