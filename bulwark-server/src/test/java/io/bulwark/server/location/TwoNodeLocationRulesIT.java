package io.bulwark.server.location;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.http.ServerEndpoint;
import io.bulwark.testing.db.PostgresTest;
import io.bulwark.testing.db.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two servers on one PostgreSQL database (Z4): a location rule changed through one node decides the
 * very next request on the other, which holds its own copy of the rule set.
 */
class TwoNodeLocationRulesIT {

  @TempDir Path dir;

  private ConfigurableApplicationContext node(String name, TestDatabase db) throws Exception {
    Path passwordFile = dir.resolve("db-password");
    if (!Files.exists(passwordFile)) {
      Files.writeString(passwordFile, db.password() + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }
    return BulwarkServerApplication.start(
        "--server.port=0",
        "--bulwark.data-dir=" + dir.resolve(name),
        "--bulwark.database.url=" + db.jdbcUrl(),
        "--bulwark.database.username=" + db.username(),
        "--bulwark.database.password-file=" + passwordFile);
  }

  @Test
  @PostgresTest
  void z4_aRuleChangedOnOneNodeDecidesTheNextRequestOnTheOther(TestDatabase db) throws Exception {
    try (ConfigurableApplicationContext nodeA = node("a", db);
        ConfigurableApplicationContext nodeB = node("b", db)) {
      LocationClient onA =
          new LocationClient(nodeA.getBean(BulwarkEngine.class), ServerEndpoint.of(nodeA));
      LocationClient onB =
          new LocationClient(nodeB.getBean(BulwarkEngine.class), ServerEndpoint.of(nodeB));
      String[] admin = onA.newUser("admin", IdentityService.ADMINISTRATORS_GROUP);
      String[] dora = onA.newUser("dora");
      String path = "/engine-rest/process-definition";
      assertThat(onB.send("GET", path, dora, null).statusCode()).isEqualTo(200);

      String rule = onA.insert(admin, 0, path + "/**", "DENY", "user:" + dora[0]);
      assertThat(onB.send("GET", path, dora, null).statusCode()).isEqualTo(403);
      assertThat(onB.send("GET", path, admin, null).statusCode()).isEqualTo(200);

      assertThat(onB.send("DELETE", LocationClient.RULES + "/" + rule, admin, null).statusCode())
          .isEqualTo(204);
      assertThat(onA.send("GET", path, dora, null).statusCode()).isEqualTo(200);
      assertThat(onB.send("GET", path, dora, null).statusCode()).isEqualTo(200);
    }
  }
}
