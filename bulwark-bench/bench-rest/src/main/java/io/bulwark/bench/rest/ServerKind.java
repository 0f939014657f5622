package io.bulwark.bench.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between the two servers for the same workload: the user-creation body and the grants
 * each needs for the least privilege that lets a user do the row's work (both through {@code POST
 * /authorization/create}, in Camunda's numbering).
 */
enum ServerKind {
  BULWARK("Bulwark") {
    @Override
    Map<String, Object> credentials(String password) {
      // An administrator's chosen password is one-time unless it says otherwise (A2).
      return Map.of("password", password, "temporary", false);
    }

    @Override
    List<Map<String, Object>> starterGrants(String userId, String processKey) {
      return List.of(grant(userId, PROCESS_DEFINITION, processKey, "READ", "CREATE_INSTANCE"));
    }

    @Override
    List<Map<String, Object>> workerGrants(String userId, String processKey, String topic) {
      // Bulwark's own resource types: 102 EXTERNAL_TASK_TOPIC, 101 EXTERNAL_TASK.
      return List.of(
          grant(userId, 102, topic, "FETCH_TOPIC"), grant(userId, 101, "*", "READ", "UPDATE"));
    }
  },
  CAMUNDA("Camunda") {
    @Override
    Map<String, Object> credentials(String password) {
      return Map.of("password", password);
    }

    @Override
    List<Map<String, Object>> starterGrants(String userId, String processKey) {
      return List.of(
          grant(userId, PROCESS_DEFINITION, processKey, "READ", "CREATE_INSTANCE"),
          grant(userId, PROCESS_INSTANCE, "*", "CREATE"));
    }

    @Override
    List<Map<String, Object>> workerGrants(String userId, String processKey, String topic) {
      // fetchAndLock and complete: READ_INSTANCE and UPDATE_INSTANCE on the definition.
      return List.of(
          grant(
              userId, PROCESS_DEFINITION, processKey, "READ", "READ_INSTANCE", "UPDATE_INSTANCE"));
    }
  };

  static final int PROCESS_DEFINITION = 6;
  static final int PROCESS_INSTANCE = 8;

  final String label;

  ServerKind(String label) {
    this.label = label;
  }

  /** The {@code credentials} member of {@code POST /user/create}. */
  abstract Map<String, Object> credentials(String password);

  /** What a user needs to start instances of {@code processKey}. */
  abstract List<Map<String, Object>> starterGrants(String userId, String processKey);

  /** What an external-task worker needs to fetch and complete {@code topic}'s tasks. */
  abstract List<Map<String, Object>> workerGrants(String userId, String processKey, String topic);

  static Map<String, Object> grant(
      String userId, int resourceType, String resourceId, String... permissions) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("type", 1);
    rule.put("permissions", new ArrayList<>(List.of(permissions)));
    rule.put("userId", userId);
    rule.put("groupId", null);
    rule.put("resourceType", resourceType);
    rule.put("resourceId", resourceId);
    return rule;
  }
}
