package io.bulwark.server.web.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.server.auth.TestServer;
import io.bulwark.server.web.tasklist.TasklistFixture.TestUser;
import io.bulwark.testing.browser.Browser;
import io.bulwark.testing.browser.BrowserExtension;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Tasklist in a real headless Chromium: a new user's first sign-in with a one-time password, the
 * forced change (A2), claiming a task, a form refused by the server and corrected (W10), completing
 * it, starting a process, the diagram, signing out. On every page the console must show no error
 * and no CSP violation (W3), and axe-core no serious or critical accessibility violation. The
 * screenshots land in {@code target/screenshots}; the ones kept in {@code docs/} come from here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
@ExtendWith(BrowserExtension.class)
class TasklistBrowserIT {

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  private TasklistFixture fixture;
  private URI base;

  @BeforeEach
  void deploy() {
    fixture = new TasklistFixture(engine).deployed();
    base = TestServer.baseUri(environment);
  }

  @Test
  void a2_w10_firstSignInThenClaimCorrectAFormCompleteStartAProcessAndSignOut(Browser browser) {
    TestUser user = fixture.user(PasswordChange.REQUIRED);
    String taskId = fixture.startClaim();
    String newPassword = "Wq9!" + UUID.randomUUID();

    browser.open(base.resolve("/app/login").toString());
    clean(browser, "login");
    browser
        .fill("username", user.id())
        .fill("password", user.password())
        .click("#sign-in")
        .waitForUrlEndingWith("/app/password");
    assertThat(browser.pageText()).contains("one-time password");
    clean(browser, "forced password change");
    browser
        .fill("current", user.password())
        .fill("next", newPassword)
        .fill("repeat", newPassword)
        .click("#change-password")
        .waitForUrlEndingWith("/app/?changed");
    clean(browser, "home");

    browser.click("#open-tasklist").waitForUrlEndingWith("/app/tasklist");
    assertThat(browser.pageText()).contains("Nothing assigned to you");
    clean(browser, "my tasks");
    browser.click("#view-group").waitForVisible("#task-table");
    clean(browser, "my groups' tasks");
    browser.screenshot("tasklist-list");

    browser.click("a.task-link[href$='" + taskId + "']").waitForUrlEndingWith(taskId);
    clean(browser, "task before claim");
    browser.click("#claim").waitForUrlEndingWith("?claimed");
    // The read-only field shows the variable holding a script tag as text.
    assertThat(browser.driver().findElement(By.id("field-customer")).getAttribute("value"))
        .isEqualTo(TasklistFixture.SCRIPT);
    clean(browser, "claimed task");

    browser.fill("v.amount", "5000").fill("v.reference", "AB-1234").fill("v.rate", "1.5");
    new Select(browser.driver().findElement(By.name("v.decision"))).selectByValue("approve");
    browser.click("#complete").waitForVisible("#error-summary");
    assertThat(browser.pageText()).contains("Enter 1000 or less.");
    assertThat(browser.driver().findElement(By.name("v.amount")).getAttribute("value"))
        .isEqualTo("5000");
    assertThat(browser.driver().findElement(By.name("v.amount")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    clean(browser, "form with a validation error");
    browser.screenshot("tasklist-form-error");

    browser.fill("v.amount", "120").click("#complete").waitForUrlEndingWith("?completed");
    assertThat(browser.pageText()).contains("Task completed.");
    clean(browser, "after completing");

    browser.click("a[href='/app/tasklist/start']").waitForUrlEndingWith("/app/tasklist/start");
    clean(browser, "start a process");
    browser
        .fill("businessKey", "claim-42")
        .click("#start-expense")
        .waitForUrlEndingWith("started=expense");
    assertThat(browser.pageText()).contains("Process expense started.");
    clean(browser, "after starting");

    String diagramTask = fixture.startClaim();
    browser.open(base.resolve("/app/tasklist/tasks/" + diagramTask + "/diagram").toString());
    browser.waitForVisible("#diagram.drawn .djs-element.current-activity");
    clean(browser, "diagram");
    browser.screenshot("tasklist-diagram");

    browser.click("#sign-out").waitForUrlEndingWith("/app/login?logout");
    assertThat(browser.pageText()).contains("You are signed out.");
    clean(browser, "signed out");
  }

  @Test
  void w10_aCamundaFormIsDrawnRefusedCorrectedAndCompleted(Browser browser) {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    String taskId = fixture.startInvoice();
    browser.open(base.resolve("/app/login").toString());
    browser
        .fill("username", user.id())
        .fill("password", user.password())
        .click("#sign-in")
        .waitForUrlEndingWith("/app/");
    browser.open(base.resolve("/app/tasklist/tasks/" + taskId).toString());
    browser.click("#claim").waitForUrlEndingWith("?claimed");
    browser.waitForVisible("#camunda-form .fjs-form");
    assertThat(browser.driver().findElement(By.id("camunda-form-fallback")).isDisplayed())
        .as("the no-script message is hidden once the form is drawn")
        .isFalse();
    // The variable holding a script tag is shown as text in the form.
    assertThat(input(browser, "Field_creditor").getAttribute("value"))
        .isEqualTo(TasklistFixture.SCRIPT);
    clean(browser, "Camunda Form");

    input(browser, "Field_creditor").clear();
    input(browser, "Field_creditor").sendKeys("Great Pizza");
    // Leave the field first: the viewer marks it then, which moves the button below it.
    input(browser, "Field_amount").sendKeys("5000", org.openqa.selenium.Keys.TAB);
    browser.waitForVisible("#camunda-form .fjs-form-field-error");
    browser.click("#complete").waitForVisible("#camunda-form-errors");
    assertThat(browser.pageText()).contains("The task was not completed");
    assertThat(input(browser, "Field_amount").getAttribute("value")).isEqualTo("5000");
    clean(browser, "Camunda Form with a validation error");
    browser.screenshot("tasklist-camunda-form-error");

    input(browser, "Field_amount").clear();
    input(browser, "Field_amount").sendKeys("120", org.openqa.selenium.Keys.TAB);
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(15))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#camunda-form .fjs-form-field-error")));
    browser.click("#complete").waitForUrlEndingWith("?completed");
    assertThat(browser.pageText()).contains("Task completed.");
    clean(browser, "after completing a Camunda Form");
  }

  @Test
  void w10_aProcessIsStartedThroughItsStartFormAfterAValidationError(Browser browser) {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    browser.open(base.resolve("/app/login").toString());
    browser
        .fill("username", user.id())
        .fill("password", user.password())
        .click("#sign-in")
        .waitForUrlEndingWith("/app/");
    browser.open(base.resolve("/app/tasklist/start").toString());
    clean(browser, "start list with a start form");
    browser
        .click("#open-" + TasklistFixture.ORDER)
        .waitForUrlEndingWith("/app/tasklist/start/" + fixture.orderDefinitionId());
    assertThat(browser.driver().findElement(By.name("v.quantity")).getAttribute("value"))
        .as("the field's default")
        .isEqualTo("1");
    clean(browser, "start form");

    browser.fill("v.customerName", "Al").fill("v.quantity", "500").fill("businessKey", "order-9");
    browser.click("#start").waitForVisible("#error-summary");
    assertThat(browser.pageText())
        .contains("The process was not started")
        .contains("Use at least 3 characters.");
    assertThat(browser.driver().findElement(By.name("v.customerName")).getAttribute("value"))
        .isEqualTo("Al");
    assertThat(browser.driver().findElement(By.name("v.customerName")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.driver().findElement(By.name("businessKey")).getAttribute("value"))
        .isEqualTo("order-9");
    clean(browser, "start form with a validation error");
    browser.screenshot("tasklist-start-form");

    browser.fill("v.customerName", "Alice").fill("v.quantity", "5");
    browser.click("#start").waitForVisible("#started");
    assertThat(browser.pageText())
        .contains("Process order-intake started")
        .contains("business key order-9");
    clean(browser, "after starting through a start form");
  }

  /** The input of a form-js component, found by its component id. */
  private static org.openqa.selenium.WebElement input(Browser browser, String componentId) {
    return browser
        .driver()
        .findElement(By.cssSelector("#camunda-form input[id$='" + componentId + "']"));
  }

  @Test
  void theLoginPageAndTheTaskListFitAPhone(Browser browser) {
    TestUser user = fixture.user(PasswordChange.NOT_REQUIRED);
    fixture.startClaim();
    browser.resize(390, 844);

    browser.open(base.resolve("/app/login").toString());
    clean(browser, "login on a phone");
    browser.screenshot("tasklist-login-phone");
    browser
        .fill("username", user.id())
        .fill("password", user.password())
        .click("#sign-in")
        .waitForUrlEndingWith("/app/");
    browser.open(base.resolve("/app/tasklist?view=group").toString());
    assertThat(browser.pageText()).contains("Review expense");
    assertThat(
            ((Number)
                    ((JavascriptExecutor) browser.driver())
                        .executeScript(
                            "return document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth"))
                .intValue())
        .as("horizontal overflow on a phone")
        .isLessThanOrEqualTo(0);
    clean(browser, "task list on a phone");
    browser.screenshot("tasklist-list-phone");
  }

  /** No console error or CSP violation, no serious or critical accessibility violation. */
  private static void clean(Browser browser, String page) {
    assertThat(browser.consoleProblems()).as("browser console on " + page).isEmpty();
    assertThat(browser.accessibilityProblems()).as("axe-core on " + page).isEmpty();
  }
}
