package io.bulwark.cli;

import io.bulwark.server.config.BulwarkProfile;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The options of {@code bulwark serve}. Each comes from its flag, else from its environment
 * variable, else from the default; flags win.
 *
 * @param dataDir {@code --data-dir} / {@code BULWARK_DATA_DIR}, default {@code ./data}; absolute
 * @param port {@code --port} / {@code BULWARK_PORT}, default 8443
 * @param profile {@code --profile} / {@code BULWARK_PROFILE}: dev (default), test, production
 * @param config {@code --config} / {@code BULWARK_CONFIG}: a properties or YAML file outside the
 *     distribution (O3); empty when not given
 */
public record ServeOptions(Path dataDir, int port, BulwarkProfile profile, Optional<Path> config) {

  static final String USAGE =
      """
      usage: bulwark serve [--data-dir DIR] [--port N] [--profile dev|test|production] [--config FILE]
        --data-dir DIR   data directory (env BULWARK_DATA_DIR, default ./data)
        --port N         HTTPS port (env BULWARK_PORT, default 8443)
        --profile P      dev, test or production (env BULWARK_PROFILE, default dev)
        --config FILE    configuration file (env BULWARK_CONFIG, default DATA_DIR/bulwark.properties
                         when it exists)""";

  private static final Map<String, String> FLAG_TO_ENV =
      Map.of(
          "--data-dir", "BULWARK_DATA_DIR",
          "--port", "BULWARK_PORT",
          "--profile", "BULWARK_PROFILE",
          "--config", "BULWARK_CONFIG");

  /**
   * Parses the arguments after {@code serve}. Accepts {@code --flag value} and {@code
   * --flag=value}.
   *
   * @throws UsageException naming the option or variable that is wrong
   */
  public static ServeOptions parse(List<String> args, UnaryOperator<String> environment) {
    Map<String, String> given = new HashMap<>();
    Map<String, String> origin = new HashMap<>();
    for (String flag : FLAG_TO_ENV.keySet()) {
      String value = environment.apply(FLAG_TO_ENV.get(flag));
      if (value != null && !value.isBlank()) {
        given.put(flag, value);
        origin.put(flag, FLAG_TO_ENV.get(flag));
      }
    }
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String arg = rest.remove(0);
      int eq = arg.indexOf('=');
      String flag = eq > 0 ? arg.substring(0, eq) : arg;
      if (!FLAG_TO_ENV.containsKey(flag)) {
        throw new UsageException("unknown option " + arg);
      }
      if (eq < 0 && rest.isEmpty()) {
        throw new UsageException("option " + flag + " needs a value");
      }
      given.put(flag, eq > 0 ? arg.substring(eq + 1) : rest.remove(0));
      origin.put(flag, flag);
    }
    return new ServeOptions(
        dataDir(given.getOrDefault("--data-dir", "./data"), origin.get("--data-dir")),
        port(given.getOrDefault("--port", "8443"), origin.get("--port")),
        profile(given.getOrDefault("--profile", "dev"), origin.get("--profile")),
        config(given.get("--config"), origin.get("--config")));
  }

  /** The data directory's own configuration file, {@code DATA_DIR/bulwark.properties}. */
  public Path dataDirConfig() {
    return dataDir.resolve("bulwark.properties");
  }

  /** The configuration file to load: the given one, else the data directory's when it exists. */
  public Optional<Path> effectiveConfig() {
    if (config.isPresent()) {
      return config;
    }
    return Files.isRegularFile(dataDirConfig()) ? Optional.of(dataDirConfig()) : Optional.empty();
  }

  /** The server's Spring Boot arguments for these options. */
  public List<String> springArguments() {
    List<String> arguments = new ArrayList<>();
    arguments.add("--bulwark.data-dir=" + dataDir);
    arguments.add("--bulwark.port=" + port);
    arguments.add("--bulwark.profile=" + profile.name().toLowerCase(Locale.ROOT));
    effectiveConfig()
        .ifPresent(file -> arguments.add("--spring.config.additional-location=file:" + file));
    return arguments;
  }

  private static Path dataDir(String value, @Nullable String origin) {
    Path dir;
    try {
      dir = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException(name(origin, "--data-dir") + ": invalid path " + value);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UsageException(name(origin, "--data-dir") + ": " + dir + " is not a directory");
    }
    return dir;
  }

  private static int port(String value, @Nullable String origin) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        name(origin, "--port") + ": invalid port " + value + "; must be 1-65535");
  }

  private static BulwarkProfile profile(String value, @Nullable String origin) {
    for (BulwarkProfile profile : BulwarkProfile.values()) {
      if (profile.name().equalsIgnoreCase(value.strip())) {
        return profile;
      }
    }
    throw new UsageException(
        name(origin, "--profile") + ": unknown profile " + value + "; use dev, test or production");
  }

  private static Optional<Path> config(@Nullable String value, @Nullable String origin) {
    if (value == null) {
      return Optional.empty();
    }
    Path file = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException(name(origin, "--config") + ": " + file + " is not a readable file");
    }
    return Optional.of(file);
  }

  private static String name(@Nullable String origin, String flag) {
    return origin == null ? flag : origin;
  }
}
