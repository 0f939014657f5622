package io.bulwark.engine.variable;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.StartInstanceRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The payroll model of the field-encryption tests (D1, D2): {@code iban} and {@code salary} are
 * sensitive in the model, {@code pin} is meant to be sensitive engine-wide; a salary above 1000
 * waits at "review", else the instance ends (the gateway reads the clear value).
 */
public final class PayModel {

  public static final String IBAN = "DE89370400440532013000";

  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="d_pay" targetNamespace="http://bulwark.io/test">
        <bpmn:process id="pay" isExecutable="true">
          <bpmn:extensionElements>
            <camunda:properties>
              <camunda:property name="bulwark:sensitiveVariables" value="iban, salary"/>
            </camunda:properties>
          </bpmn:extensionElements>
          <bpmn:startEvent id="s"/>
          <bpmn:exclusiveGateway id="g" default="low"/>
          <bpmn:userTask id="review"/>
          <bpmn:endEvent id="e"/>
          <bpmn:endEvent id="e2"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
          <bpmn:sequenceFlow id="high" sourceRef="g" targetRef="review">
            <bpmn:conditionExpression>${salary > 1000}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="low" sourceRef="g" targetRef="e2"/>
          <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private PayModel() {}

  public static void deploy(BulwarkEngine engine, Principal deployer) {
    engine
        .repositoryService()
        .deploy(
            deployer,
            DeploymentRequest.of("pay", "pay.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
  }

  /** Starts an instance with iban, salary and pin (sensitive) and note (clear); its ID. */
  public static String start(BulwarkEngine engine, Principal starter, long salary) {
    return engine
        .runtimeService()
        .startProcessInstance(
            starter,
            StartInstanceRequest.byKey("pay")
                .withVariables(
                    Map.of("iban", IBAN, "salary", salary, "note", "quarterly", "pin", "4711")))
        .id();
  }

  /**
   * Sealed rows of runtime and history whose key compares with {@code keyId} by {@code comparison}
   * ({@code "="} or {@code "<>"}).
   */
  public static long sealedRows(DataSource dataSource, String comparison, int keyId)
      throws SQLException {
    long total = 0;
    for (String table : List.of("bw_variable", "bw_hi_variable_update")) {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement count =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM " + table + " WHERE cipher_key " + comparison + " ?")) {
        count.setInt(1, keyId);
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }
}
