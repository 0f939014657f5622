package io.bulwark.server.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the server keeps its state and how it runs. Bound from {@code bulwark.*} properties, which
 * the {@code bulwark} launcher fills from {@code --data-dir}, {@code --port}, {@code --profile} and
 * the matching {@code BULWARK_*} environment variables.
 *
 * @param dataDir the data directory: embedded database, generated certificate, initial password
 * @param port the HTTPS port
 * @param profile dev (default), test or production
 * @param allowInsecureStart start in production even when doctor reports a FAIL (logged, O2)
 */
@ConfigurationProperties("bulwark")
public record ServerSettings(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("8443") int port,
    @DefaultValue("dev") BulwarkProfile profile,
    @DefaultValue("false") boolean allowInsecureStart) {

  public ServerSettings {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("invalid bulwark.port " + port + "; must be 1-65535");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
  }
}
