package io.bulwark.server.location;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.LocationRule;
import io.bulwark.engine.api.NewLocationRule;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The statements an authenticated API request costs on a served node (issue 14), counted by the
 * database itself (H2's query statistics on the node's database): a Basic request that the
 * credential cache answers and a bearer request each read the caller's credentials, groups and the
 * location rules' version in ONE statement, and the location rules' check reads nothing of its own;
 * yet a location rule change decides the very next request of either kind (Z4).
 */
class RequestPathStatementsServerIT {

  private static final Logger LOG = LoggerFactory.getLogger(RequestPathStatementsServerIT.class);
  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final int REQUESTS = 10;

  @TempDir Path dir;

  @Test
  void z4_a10_anAuthenticatedRequestReadsCredentialsGroupsAndRuleVersionInOneStatement()
      throws Exception {
    String url = "jdbc:h2:mem:statements-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    String password = UUID.randomUUID().toString();
    Path passwordFile = dir.resolve("db-password");
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    try (ConfigurableApplicationContext node =
            BulwarkServerApplication.start(
                "--server.port=0",
                "--bulwark.data-dir=" + dir.resolve("node"),
                "--bulwark.database.url=" + url,
                "--bulwark.database.username=sa",
                "--bulwark.database.password-file=" + passwordFile);
        Connection statistics = DriverManager.getConnection(url, "sa", password)) {
      BulwarkEngine engine = node.getBean(BulwarkEngine.class);
      LocationClient client = new LocationClient(engine, ServerEndpoint.of(node));
      String group = client.newGroup("clerks");
      String[] dora = client.newUser("dora", group);
      String bearer =
          "Bearer "
              + new String(
                  engine
                      .accessTokenService()
                      .issue(new Principal(dora[0], Set.of(group)), Duration.ofMinutes(5))
                      .token()
                      .reveal());
      String path = "/engine-rest/task/count?candidateGroups=" + group;
      // The first Basic request checks the password in full; later ones come from the cache.
      assertThat(basic(client, path, dora)).isEqualTo(200);
      assertThat(withBearer(client, path, bearer)).isEqualTo(200);

      reset(statistics);
      for (int i = 0; i < REQUESTS; i++) {
        assertThat(basic(client, path, dora)).isEqualTo(200);
        assertThat(withBearer(client, path, bearer)).isEqualTo(200);
      }
      Map<String, Long> executed = executed(statistics);
      LOG.info("statements of {} Basic and {} bearer requests: {}", REQUESTS, REQUESTS, executed);
      assertThat(executed.keySet())
          .as("no statement of its own for the location rules' version or the caller's groups")
          .noneMatch(sql -> sql.startsWith("SELECT version FROM bw_location_rule_set"))
          .noneMatch(sql -> sql.startsWith("SELECT group_id FROM bw_membership"));
      long onRequests =
          executed.entrySet().stream()
              // The job executor polls in its own transactions meanwhile; requests commit nothing.
              .filter(e -> !e.getKey().contains("bw_job") && !e.getKey().equals("COMMIT"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertThat(onRequests)
          .as("statements per request: the credentials, then the count")
          .isLessThanOrEqualTo(2L * 2 * REQUESTS);

      LocationRule deny =
          engine
              .locationRuleService()
              .createRule(
                  SETUP,
                  new NewLocationRule(
                      "/engine-rest/task/**", LocationRule.Effect.DENY, "user:" + dora[0]),
                  0);
      assertThat(basic(client, path, dora)).as("the rule decides the next request").isEqualTo(403);
      assertThat(withBearer(client, path, bearer)).isEqualTo(403);
      engine.locationRuleService().deleteRule(SETUP, deny.id());
      assertThat(basic(client, path, dora)).isEqualTo(200);
      assertThat(withBearer(client, path, bearer)).isEqualTo(200);
    }
  }

  private static int basic(LocationClient client, String path, String[] user) throws Exception {
    return client.send("GET", path, user, null).statusCode();
  }

  private static int withBearer(LocationClient client, String path, String bearer)
      throws Exception {
    HttpResponse<String> answer =
        client
            .server()
            .client()
            .send(
                HttpRequest.newBuilder(client.server().uri(path))
                    .header("Authorization", bearer)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return answer.statusCode();
  }

  /** Starts H2's query statistics afresh (turning them off drops what they held). */
  private static void reset(Connection statistics) throws SQLException {
    try (Statement sql = statistics.createStatement()) {
      sql.execute("SET QUERY_STATISTICS FALSE");
      sql.execute("SET QUERY_STATISTICS TRUE");
    }
  }

  /** Executions per statement text since {@link #reset}, but the statistics' own query. */
  private static Map<String, Long> executed(Connection statistics) throws SQLException {
    Map<String, Long> executed = new LinkedHashMap<>();
    try (Statement sql = statistics.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " ORDER BY EXECUTION_COUNT DESC")) {
      while (rows.next()) {
        String text = rows.getString(1);
        if (!text.contains("QUERY_STATISTICS")) {
          executed.put(text, rows.getLong(2));
        }
      }
    }
    return executed;
  }
}
