package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.engine.InitialAdministratorBootstrap;
import io.bulwark.testing.browser.Browser;
import io.bulwark.testing.browser.BrowserExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/** The first sign-in of the initial administrator in a real headless Chromium (A2). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
@ExtendWith(BrowserExtension.class)
class BrowserSignInIT {

  @Autowired private Environment environment;

  @Test
  void a2_initialAdministratorMustChangePasswordThenReachesHome(Browser browser) throws Exception {
    URI base = TestServer.baseUri(environment);
    String oneTimePassword = initialAdministratorPassword();
    String newPassword = "Wq9!" + UUID.randomUUID();

    browser.open(base.resolve("/app/login").toString());
    browser.screenshot("a2-1-login");
    browser
        .fill("username", IdentityService.INITIAL_ADMINISTRATOR)
        .fill("password", oneTimePassword)
        .click("#sign-in")
        .waitForUrlEndingWith("/app/password");
    assertThat(browser.pageText()).contains("one-time password");
    browser.screenshot("a2-2-forced-password-change");

    browser
        .fill("current", oneTimePassword)
        .fill("next", newPassword)
        .fill("repeat", newPassword)
        .click("#change-password")
        .waitForUrlEndingWith("/app/?changed");

    assertThat(browser.pageText())
        .contains("Signed in as " + IdentityService.INITIAL_ADMINISTRATOR)
        .contains("Tasklist")
        .contains("Your password was changed.");
    Path screenshot = browser.screenshot("a2-3-home");
    assertThat(Files.size(screenshot)).isPositive();
  }

  /** The one-time password the first start wrote for the administrator (A2). */
  private static String initialAdministratorPassword() throws Exception {
    return Files.readString(
            TestServer.DATA_DIR.resolve(InitialAdministratorBootstrap.PASSWORD_FILE))
        .strip();
  }
}
