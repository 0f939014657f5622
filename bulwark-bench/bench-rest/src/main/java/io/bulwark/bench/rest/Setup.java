package io.bulwark.bench.rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Prepares a server through its REST API as its administrator: the models, the users {@code
 * starter}, {@code worker} and {@code clerk} with the least grants their rows need, and six groups
 * of which the clerk is in three.
 */
final class Setup {

  static final String STARTER = "starter";
  static final String WORKER = "worker";
  static final String CLERK = "clerk";
  static final List<String> CLERK_GROUPS = List.of("g1", "g2", "g3");
  static final int GROUPS = 6;

  private final Map<String, String> passwords;

  private Setup(Map<String, String> passwords) {
    this.passwords = passwords;
  }

  String password(String userId) {
    String password = passwords.get(userId);
    if (password == null) {
      throw new IllegalArgumentException("the setup created no user " + userId);
    }
    return password;
  }

  static Setup run(RestServer server) throws IOException, InterruptedException {
    RestClient admin = server.admin();
    for (String key : List.of(Models.STARTS, Models.EXTERNAL, Models.TASKS)) {
      admin.deploy(key, key + ".bpmn", Models.xml(key));
    }
    Map<String, String> passwords =
        Map.of(STARTER, Passwords.random(), WORKER, Passwords.random(), CLERK, Passwords.random());
    for (Map.Entry<String, String> user : passwords.entrySet()) {
      admin.post(
          "/user/create",
          Map.of(
              "profile",
              Map.of(
                  "id",
                  user.getKey(),
                  "firstName",
                  "Load",
                  "lastName",
                  user.getKey(),
                  "email",
                  user.getKey() + "@example.org"),
              "credentials",
              server.kind().credentials(user.getValue())));
    }
    for (int g = 1; g <= GROUPS; g++) {
      admin.post("/group/create", Map.of("id", "g" + g, "name", "Group " + g, "type", "WORKFLOW"));
    }
    for (String group : CLERK_GROUPS) {
      admin.put("/group/" + group + "/members/" + CLERK);
    }
    List<Map<String, Object>> grants = new ArrayList<>();
    grants.addAll(server.kind().starterGrants(STARTER, Models.STARTS));
    grants.addAll(server.kind().workerGrants(WORKER, Models.EXTERNAL, Models.TOPIC));
    for (Map<String, Object> grant : grants) {
      admin.post("/authorization/create", grant);
    }
    return new Setup(passwords);
  }

  /** Starts {@code count} instances of {@code key} as the administrator, 8 at a time. */
  static void startInstances(
      RestServer server, String key, int count, IntFunction<Map<String, Object>> variables)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> starts = new ArrayList<>();
      List<RestClient> clients = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        clients.add(server.admin());
      }
      for (int i = 0; i < count; i++) {
        int n = i;
        starts.add(
            pool.submit(
                () -> {
                  clients
                      .get(n % 8)
                      .post(
                          "/process-definition/key/" + key + "/start",
                          Map.of("businessKey", key + "-" + n, "variables", variables.apply(n)));
                  return null;
                }));
      }
      for (Future<?> start : starts) {
        try {
          start.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("seeding " + key + " failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }
}
