package io.bulwark.server.web.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.NewAuthorizationRule;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.server.auth.TestServer;
import io.bulwark.server.web.tasklist.TasklistFixture.TestUser;
import io.bulwark.testing.browser.Browser;
import io.bulwark.testing.browser.BrowserExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Measures the first contentful paint of the task list for a user who sees many tasks (the number
 * in the system property {@code bulwark.measure.tasklist}, e.g. 1000): that many instances of a
 * one-task process offered to the user's group, then five loads of "my groups' tasks" in headless
 * Chromium, timed by the browser's Paint Timing API. A measurement, run on request only:
 *
 * <pre>
 * ./mvnw -o verify -pl bulwark-server -Dit.test=TasklistFirstPaintIT -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dbulwark.measure.tasklist=1000
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
@ExtendWith(BrowserExtension.class)
@EnabledIfSystemProperty(named = "bulwark.measure.tasklist", matches = "[1-9][0-9]{0,5}")
class TasklistFirstPaintIT {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFirstPaintIT.class);
  private static final String GROUP = "tl-bulk";
  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="bulk" isExecutable="true">
          <bpmn:startEvent id="s"/>
          <bpmn:userTask id="t" name="Check delivery" camunda:candidateGroups="tl-bulk"/>
          <bpmn:endEvent id="e"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  @Test
  void firstContentfulPaintOfTheTaskListWithManyVisibleTasks(Browser browser) {
    int count = Integer.parseInt(System.getProperty("bulwark.measure.tasklist"));
    TasklistFixture fixture = new TasklistFixture(engine);
    engine.identityService().createGroup(TasklistFixture.ADMIN, GROUP, "Bulk");
    engine
        .authorizationService()
        .createRule(
            TasklistFixture.ADMIN,
            NewAuthorizationRule.grantToGroup(GROUP, "PROCESS_DEFINITION", "bulk", "READ"));
    engine
        .repositoryService()
        .deploy(
            TasklistFixture.ADMIN,
            DeploymentRequest.of("bulk", "bulk.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
    for (int i = 0; i < count; i++) {
      engine
          .runtimeService()
          .startProcessInstance(TasklistFixture.ADMIN, StartInstanceRequest.byKey("bulk"));
    }
    TestUser user = fixture.outsider(PasswordChange.NOT_REQUIRED);
    engine.identityService().addMembership(TasklistFixture.ADMIN, user.id(), GROUP);
    URI base = TestServer.baseUri(environment);
    browser.open(base.resolve("/app/login").toString());
    browser
        .fill("username", user.id())
        .fill("password", user.password())
        .click("#sign-in")
        .waitForUrlEndingWith("/app/");

    List<Double> paints = new ArrayList<>();
    List<Double> responses = new ArrayList<>();
    for (int run = 0; run < 6; run++) {
      browser
          .open(base.resolve("/app/tasklist?view=group").toString())
          .waitForVisible("#task-table");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      // Waits for the entry: it may be recorded a moment after the load event.
      Number paint =
          (Number)
              js.executeAsyncScript(
                  "var done = arguments[arguments.length - 1];"
                      + "new PerformanceObserver(function (list) {"
                      + "  list.getEntriesByName('first-contentful-paint')"
                      + "    .forEach(function (p) { done(p.startTime); });"
                      + "}).observe({type: 'paint', buffered: true});");
      Number response =
          (Number)
              js.executeScript(
                  "var n = performance.getEntriesByType('navigation')[0];"
                      + " return n.responseEnd - n.startTime;");
      if (run > 0) { // the first load warms the server's caches and the JIT
        paints.add(paint.doubleValue());
        responses.add(response.doubleValue());
      }
    }
    assertThat(browser.pageText()).contains(count + " tasks");
    paints.sort(Double::compare);
    responses.sort(Double::compare);
    LOG.info(
        "Task list with {} visible tasks: first contentful paint median {} ms (min {}, max {}),"
            + " server response median {} ms, over {} loads",
        count,
        Math.round(paints.get(2)),
        Math.round(paints.get(0)),
        Math.round(paints.get(4)),
        Math.round(responses.get(2)),
        paints.size());
    assertThat(paints).allSatisfy(ms -> assertThat(ms).isPositive());
  }
}
