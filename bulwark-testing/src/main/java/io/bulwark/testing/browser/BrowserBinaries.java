package io.bulwark.testing.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the browser and its driver are installed. Defaults are the Debian package paths ({@code
 * apt-get install chromium chromium-driver}); the environment variables {@code BULWARK_CHROMIUM}
 * and {@code BULWARK_CHROMEDRIVER} override them.
 *
 * @param chromium the browser executable
 * @param chromedriver the matching driver executable
 */
public record BrowserBinaries(Path chromium, Path chromedriver) {

  static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
  static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

  /** The configured paths, whether or not they exist. */
  public static BrowserBinaries fromEnvironment() {
    return new BrowserBinaries(
        Path.of(env("BULWARK_CHROMIUM").orElse(DEFAULT_CHROMIUM)),
        Path.of(env("BULWARK_CHROMEDRIVER").orElse(DEFAULT_CHROMEDRIVER)));
  }

  /** Why the browser cannot run here, or empty when both executables are present. */
  public Optional<String> missing() {
    if (!Files.isExecutable(chromium)) {
      return Optional.of("no Chromium at " + chromium + " (apt-get install chromium)");
    }
    if (!Files.isExecutable(chromedriver)) {
      return Optional.of(
          "no chromedriver at " + chromedriver + " (apt-get install chromium-driver)");
    }
    return Optional.empty();
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
  }
}
