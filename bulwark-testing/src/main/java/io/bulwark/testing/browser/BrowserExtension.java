package io.bulwark.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a test method a fresh headless Chromium as a {@link Browser} parameter and closes it
 * afterwards.
 *
 * <p>The installed Chromium and chromedriver are used through explicit paths, so Selenium Manager
 * never runs and nothing is downloaded. When they are missing the test is skipped with the reason,
 * unless the environment sets {@code BULWARK_TEST_REQUIRE_ALL=true} (CI), where it fails. Each
 * browser gets its own throwaway profile directory; background networking, sync and component
 * updates are off. Certificate errors are ignored because test servers use self-signed certificates
 * (T4).
 */
public final class BrowserExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserExtension.class);

  static final String REQUIRE_ALL = "BULWARK_TEST_REQUIRE_ALL";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);
  private static final String BROWSER = "browser";
  private static final String PROFILE = "profile";

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    BrowserBinaries binaries = BrowserBinaries.fromEnvironment();
    Optional<String> missing = binaries.missing();
    if (missing.isPresent()) {
      if ("true".equals(System.getenv(REQUIRE_ALL))) {
        throw new ExtensionConfigurationException(
            missing.get() + "; required because " + REQUIRE_ALL + "=true");
      }
      Assumptions.abort("browser test skipped: " + missing.get());
    }
    Path profile = Files.createTempDirectory("bulwark-chromium-");
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(PROFILE, profile);
    store.put(BROWSER, new Browser(start(binaries, profile), Path.of("target", "screenshots")));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Browser browser = store.remove(BROWSER, Browser.class);
    Path profile = store.remove(PROFILE, Path.class);
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (profile != null) {
        deleteTree(profile);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // beforeEach stored it (or aborted the test) before any parameter is resolved.
    return Objects.requireNonNull(
        context.getStore(NAMESPACE).get(BROWSER, Browser.class), "browser not started");
  }

  private static ChromeDriver start(BrowserBinaries binaries, Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binaries.chromium().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--ignore-certificate-errors",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    // The console (errors, CSP violations) for Browser.consoleProblems().
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(binaries.chromedriver().toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // A profile left behind in the temp directory does not make the test wrong.
      LOG.warn("cannot delete browser profile {}: {}", root, e.toString());
    }
  }
}
