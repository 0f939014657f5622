package io.bulwark.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session for one test, made by {@link BrowserExtension}. Not thread-safe;
 * closed by the extension after the test.
 */
public final class Browser {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final Path screenshotDir;

  Browser(ChromeDriver driver, Path screenshotDir) {
    this.driver = driver;
    this.screenshotDir = screenshotDir;
  }

  /** The Selenium driver, for anything this class does not offer. */
  public WebDriver driver() {
    return driver;
  }

  /** Loads the URL and waits until the document is loaded. */
  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  /** The URL the browser shows now. */
  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /** The visible text of the whole page. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Types into the field with the given {@code name} attribute, replacing its content. */
  public Browser fill(String fieldName, CharSequence value) {
    WebElement field = driver.findElement(By.name(fieldName));
    field.clear();
    field.sendKeys(value);
    return this;
  }

  /** Clicks the element the CSS selector finds first. */
  public Browser click(String cssSelector) {
    driver.findElement(By.cssSelector(cssSelector)).click();
    return this;
  }

  /** Waits until the browser shows a URL whose path ends with the given suffix. */
  public Browser waitForUrlEndingWith(String suffix) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.urlMatches(".*" + Pattern.quote(suffix) + "$"));
    return this;
  }

  /**
   * Saves a PNG of the viewport as {@code <screenshot dir>/<name>.png} and returns its path. The
   * directory is {@code target/screenshots} of the module under test.
   */
  public Path screenshot(String name) {
    Path source = driver.getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.createDirectories(screenshotDir);
      Path target = screenshotDir.resolve(name + ".png");
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(source);
      return target.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save screenshot " + name, e);
    }
  }

  /**
   * The browser console's errors since the last call, one line each: script errors, failed loads
   * and Content-Security-Policy violations (which Chromium reports as errors; a CSP warning counts
   * too). Empty when the pages so far were clean. Other warnings (such as Chromium's performance
   * hints) are not problems.
   */
  public List<String> consoleProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          || entry.getMessage().contains("Content Security Policy")) {
        problems.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    return problems;
  }

  /**
   * Runs axe-core (from its WebJar, injected through WebDriver, so the page's CSP does not apply to
   * it) on the current page and returns its serious and critical violations, one line each with the
   * rule and the elements; empty when there are none.
   */
  public List<String> accessibilityProblems() {
    driver.executeScript(AxeCore.SOURCE);
    Object result =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations"
                + "    .filter(function (v) { return v.impact === 'serious'"
                + "      || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
    List<String> problems = new ArrayList<>();
    if (result instanceof List<?> list) {
      list.forEach(item -> problems.add(String.valueOf(item)));
    }
    return problems;
  }

  /** Sets the window size, e.g. 390 x 844 for a phone. */
  public Browser resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    return this;
  }

  /** Waits until the CSS selector finds a visible element. */
  public Browser waitForVisible(String cssSelector) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    return this;
  }

  void quit() {
    driver.quit();
  }
}
