package io.bulwark.server.rest.password;

import io.bulwark.engine.api.PasswordCheckResult;
import io.bulwark.engine.api.PasswordCheckResult.RuleVerdict;
import io.bulwark.engine.api.PasswordRule;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Camunda 7's JSON for password policies (A4). A rule's placeholder is Camunda's where Camunda has
 * the same rule ({@code min-length} is {@code PASSWORD_POLICY_LENGTH}), else {@code
 * PASSWORD_POLICY_} and the rule ID in upper case with underscores ({@code common-password} is
 * {@code PASSWORD_POLICY_COMMON_PASSWORD}). Parameters are strings, {@code null} when none, as in
 * Camunda. Stateless.
 */
final class CamundaPasswordPolicyJson {

  private static final Map<String, String> CAMUNDA_PLACEHOLDERS =
      Map.of("min-length", "PASSWORD_POLICY_LENGTH");

  private CamundaPasswordPolicyJson() {}

  static String placeholder(String ruleId) {
    return CAMUNDA_PLACEHOLDERS.getOrDefault(
        ruleId, "PASSWORD_POLICY_" + ruleId.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  static JsonNode policy(JsonMapper json, List<PasswordRule> rules) {
    ObjectNode answer = json.createObjectNode();
    ArrayNode array = answer.putArray("rules");
    for (PasswordRule rule : rules) {
      rule(array.addObject(), rule);
    }
    return answer;
  }

  static JsonNode result(JsonMapper json, PasswordCheckResult result) {
    ObjectNode answer = json.createObjectNode();
    ArrayNode array = answer.putArray("rules");
    for (RuleVerdict verdict : result.rules()) {
      rule(array.addObject(), verdict.rule()).put("valid", verdict.valid());
    }
    answer.put("valid", result.valid());
    return answer;
  }

  private static ObjectNode rule(ObjectNode node, PasswordRule rule) {
    node.put("placeholder", placeholder(rule.id()));
    if (rule.parameters().isEmpty()) {
      node.putNull("parameter");
    } else {
      ObjectNode parameter = node.putObject("parameter");
      new TreeMap<>(rule.parameters()).forEach(parameter::put);
    }
    return node;
  }
}
