package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.FetchRequest;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.LockedExternalTask;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.api.TopicRequest;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Send tasks run by workers, never by the server (issue 16): an external send task behaves like an
 * external service task (Camunda 7 runs a send task with an implementation like a service task); a
 * mail task ({@code camunda:type="mail"}, Camunda's EmailSendTaskTest) is an external task of the
 * topic {@code camunda-mail} whose worker receives the evaluated mail fields; the instance goes on
 * when the worker completes it, and no field is left behind.
 */
class SendTaskIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));

  private HikariDataSource dataSource;
  private BulwarkEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private void start(EngineDatabase database) {
    dataSource = database.open();
    engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    TestGrants.allToGroup(dataSource, "accounting");
  }

  private void deploy(String key, String body) {
    engine
        .repositoryService()
        .deploy(
            ALICE,
            DeploymentRequest.of(
                key, key + ".bpmn", Models.process(key, body).getBytes(StandardCharsets.UTF_8)));
  }

  private String startInstance(String key, Map<String, Object> variables) {
    return engine
        .runtimeService()
        .startProcessInstance(ALICE, new StartInstanceRequest(key, null, null, variables))
        .id();
  }

  private List<LockedExternalTask> fetch(String topic) {
    return engine
        .externalTaskService()
        .fetchAndLock(
            ALICE,
            new FetchRequest("w1", 5, List.of(new TopicRequest(topic, 60_000, null, null)), false));
  }

  private static final String SEND_MAIL =
      """
          <bpmn:startEvent id="theStart"/>
          <bpmn:sequenceFlow id="f1" sourceRef="theStart" targetRef="sendMail"/>
          <bpmn:sendTask id="sendMail" camunda:type="mail">
            <bpmn:extensionElements>
              <camunda:field name="from" expression="${sender}"/>
              <camunda:field name="to" expression="${recipient}"/>
              <camunda:field name="subject"
                  expression="Your order ${orderId} has been shipped"/>
              <camunda:field name="html">
                <camunda:expression><![CDATA[
                  <html><body>Hello ${male ? 'Mr.' : 'Mrs.' } ${recipientName},
                  as of ${now}, your order <b>has been processed and shipped</b>.</body></html>
                ]]></camunda:expression>
              </camunda:field>
              <camunda:field name="charset">
                <camunda:string>utf-8</camunda:string>
              </camunda:field>
            </bpmn:extensionElements>
          </bpmn:sendTask>
          <bpmn:sequenceFlow id="f2" sourceRef="sendMail" targetRef="theEnd"/>
          <bpmn:endEvent id="theEnd"/>
      """;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void aMailSendTaskIsAnExternalTaskWhoseWorkerGetsTheEvaluatedFields(EngineDatabase database) {
    start(database);
    deploy("sendMailExample", SEND_MAIL);
    String instance =
        startInstance(
            "sendMailExample",
            Map.of(
                "sender", "mispiggy@activiti.org",
                "recipient", "fozzie@activiti.org",
                "recipientName", "Mr. Fozzie",
                "male", true,
                "now", "2026-12-07",
                "orderId", "123456"));
    assertThat(engine.runtimeService().getActiveActivityIds(ALICE, instance))
        .containsExactly("sendMail");

    List<LockedExternalTask> locked = fetch("camunda-mail");
    assertThat(locked).hasSize(1);
    LockedExternalTask mail = locked.get(0);
    assertThat(mail.activityId()).isEqualTo("sendMail");
    assertThat(mail.variables())
        .containsEntry("from", "mispiggy@activiti.org")
        .containsEntry("to", "fozzie@activiti.org")
        .containsEntry("subject", "Your order 123456 has been shipped")
        .containsEntry("charset", "utf-8");
    assertThat((String) mail.variables().get("html"))
        .contains("Hello Mr. Mr. Fozzie,")
        .contains("as of 2026-12-07, your order <b>has been processed and shipped</b>.");
    // The fields are the task's own: the process does not see them.
    assertThat(engine.runtimeService().getVariables(ALICE, instance))
        .doesNotContainKeys("from", "to", "subject", "html", "charset");

    engine.externalTaskService().complete(ALICE, mail.id(), "w1", Map.of(), Map.of());
    assertThat(engine.historyService().findProcessInstance(ALICE, instance).orElseThrow().state())
        .isEqualTo("COMPLETED");
    assertThat(count("SELECT COUNT(*) FROM bw_external_task")).isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM bw_hi_activity_instance WHERE process_instance_id = ?"
                    + " AND activity_id = 'sendMail' AND activity_type = 'sendTask'"
                    + " AND ended_at IS NOT NULL",
                instance))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void anExternalSendTaskWaitsForItsWorkerAndCanBeCancelled(EngineDatabase database) {
    start(database);
    deploy(
        "notify",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:sendTask id="task" name="Task" camunda:type="external" camunda:topic="notify"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="task"/>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="e"/>
        """);
    String done = startInstance("notify", Map.of("customer", "kermit"));
    String cancelled = startInstance("notify", Map.of());
    List<LockedExternalTask> locked = fetch("notify");
    assertThat(locked)
        .extracting(LockedExternalTask::processInstanceId)
        .containsExactlyInAnyOrder(done, cancelled);
    LockedExternalTask task =
        locked.stream().filter(t -> t.processInstanceId().equals(done)).findFirst().orElseThrow();
    assertThat(task.variables()).containsEntry("customer", "kermit");

    engine.externalTaskService().complete(ALICE, task.id(), "w1", Map.of("sent", true), Map.of());
    assertThat(engine.historyService().findProcessInstance(ALICE, done).orElseThrow().state())
        .isEqualTo("COMPLETED");
    engine.runtimeService().deleteProcessInstance(ALICE, cancelled, "not needed");
    assertThat(count("SELECT COUNT(*) FROM bw_external_task")).isZero();
    assertThat(count("SELECT COUNT(*) FROM bw_execution")).isZero();
  }

  /** Camunda's ExternalTaskParseTest#testParseExternalTaskWithExpressionTopic. */
  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void e2_aTopicExpressionIsEvaluatedWhenTheTaskIsCreated(EngineDatabase database) {
    start(database);
    deploy(
        "byTopic",
        """
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="externalTask" camunda:type="external"
                camunda:topic="${topicName}"/>
            <bpmn:sendTask id="notify" camunda:type="external" camunda:topic="notify-${region}"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="externalTask"/>
            <bpmn:sequenceFlow id="f2" sourceRef="externalTask" targetRef="notify"/>
        """);
    String instance =
        startInstance("byTopic", Map.of("topicName", "testTopicExpression", "region", "north"));
    LockedExternalTask first = fetch("testTopicExpression").get(0);
    assertThat(first.topicName()).isEqualTo("testTopicExpression");
    engine.externalTaskService().complete(ALICE, first.id(), "w1", Map.of(), Map.of());
    assertThat(fetch("notify-north"))
        .extracting(LockedExternalTask::activityId)
        .containsExactly("notify");

    // A topic that is not a text stops the start: nothing is stored.
    assertThatThrownBy(() -> startInstance("byTopic", Map.of("topicName", 42, "region", "x")))
        .hasMessageContaining(
            "camunda:topic '${topicName}' of externalTask must evaluate to a text");
    assertThat(count("SELECT COUNT(*) FROM bw_external_task")).isEqualTo(1);
    assertThat(engine.runtimeService().getActiveActivityIds(ALICE, instance))
        .containsExactly("notify");
  }

  @Test
  void z10_aSendTaskWithoutImplementationOrWithAClassIsRefused() {
    start(EngineDatabase.H2);
    assertThatThrownBy(
            () ->
                deploy(
                    "plain",
                    """
                        <bpmn:startEvent id="s"/>
                        <bpmn:sendTask id="send"/>
                        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="send"/>
                    """))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("send")
        .hasMessageContaining("a send task needs an implementation");
    assertThatThrownBy(
            () ->
                deploy(
                    "coded",
                    """
                        <bpmn:startEvent id="s"/>
                        <bpmn:sendTask id="send" camunda:class="com.example.DummySendTask"/>
                        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="send"/>
                    """))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("camunda:class='com.example.DummySendTask'")
        .hasMessageContaining("(Z10)");
    assertThatThrownBy(
            () ->
                deploy(
                    "oddMail",
                    """
                        <bpmn:startEvent id="s"/>
                        <bpmn:sendTask id="send" camunda:type="mail">
                          <bpmn:extensionElements>
                            <camunda:field name="attachment" stringValue="/etc/passwd"/>
                          </bpmn:extensionElements>
                        </bpmn:sendTask>
                        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="send"/>
                    """))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("camunda:field 'attachment' of a mail task is not a mail field");
    assertThat(count("SELECT COUNT(*) FROM bw_deployment")).isZero();
  }

  private long count(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
