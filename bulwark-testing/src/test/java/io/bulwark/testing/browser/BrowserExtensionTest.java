package io.bulwark.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BrowserExtension.class)
class BrowserExtensionTest {

  @Test
  void rendersAPageAndSavesAScreenshot(Browser browser) throws Exception {
    browser.open("data:text/html,<title>t</title><h1 id=greeting>Hello from Chromium</h1>");

    assertThat(browser.pageText()).contains("Hello from Chromium");
    Path screenshot = browser.screenshot("browser-extension-smoke");
    assertThat(Files.size(screenshot)).isPositive();
  }
}
