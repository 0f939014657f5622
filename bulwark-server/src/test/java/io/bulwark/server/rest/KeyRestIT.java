package io.bulwark.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * D2 and D4 over real HTTPS: an administrator rotates the key set while the server runs ({@code
 * POST /engine-rest/key/rotate}); the new key is the primary at once, values written before stay
 * readable, the rotation is in the audit log as {@code key_rotated}; a user without UPDATE on
 * SYSTEM gets 403, no credentials 401. A key that is not the primary is destroyed while it runs
 * ({@code POST /engine-rest/key/{id}/destroy}, 409 for the primary), audited as {@code
 * key_destroyed}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyRestIT {

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  RestTestClient rest;

  @BeforeEach
  void connect() {
    rest = new RestTestClient(engine, ServerEndpoint.of(context));
  }

  @Test
  void d2_administratorRotatesTheKeySetWhileTheServerRuns() throws Exception {
    String[] admin = rest.newAdmin();
    String[] user = rest.newUser("keyless");
    assertThat(rest.send("POST", "/engine-rest/key/rotate", null, null).statusCode())
        .isEqualTo(401);
    assertThat(rest.send("POST", "/engine-rest/key/rotate", user, null).statusCode())
        .isEqualTo(403);
    assertThat(rest.send("GET", "/engine-rest/key", user, null).statusCode()).isEqualTo(403);

    HttpResponse<String> before = rest.send("GET", "/engine-rest/key", admin, null);
    assertThat(before.statusCode()).isEqualTo(200);
    JsonNode keys = RestTestClient.json(before);
    assertThat(keys.get(0).get("primary").asBoolean()).isTrue();
    assertThat(keys.get(0).get("algorithm").asString()).isEqualTo("AES256_GCM");
    int oldPrimary = keys.get(0).get("id").asInt();
    String email = "rotated-" + RestTestClient.suffix() + "@example.org";
    String owner = rest.newUser("owner")[0];
    engine
        .identityService()
        .updateProfile(
            Principal.user(admin[0], "bulwark-admins"),
            owner,
            new UserProfile("Own", "Er", null, email));
    long auditBefore =
        RestTestClient.json(rest.send("GET", "/engine-rest/audit/count", admin, null))
            .get("count")
            .asLong();

    HttpResponse<String> rotated = rest.send("POST", "/engine-rest/key/rotate", admin, null);

    assertThat(rotated.statusCode()).isEqualTo(200);
    JsonNode answer = RestTestClient.json(rotated);
    int newPrimary = answer.get("primary").get("id").asInt();
    assertThat(newPrimary).isNotEqualTo(oldPrimary);
    assertThat(answer.get("primary").get("primary").asBoolean()).isTrue();
    assertThat(answer.get("previousPrimary").asInt()).isEqualTo(oldPrimary);
    assertThat(answer.get("emailAddresses").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(answer.get("destroy").asString())
        .contains("destroy key " + oldPrimary + " only after the variable-reencrypt job is gone");
    JsonNode after = RestTestClient.json(rest.send("GET", "/engine-rest/key", admin, null));
    assertThat(after.get(0).get("id").asInt()).isEqualTo(newPrimary);
    assertThat(after.size()).isGreaterThanOrEqualTo(2);
    assertThat(engine.identityService().findUser(owner).orElseThrow().email()).isEqualTo(email);

    HttpResponse<String> audit =
        rest.send("GET", "/engine-rest/audit?maxResults=100&afterSeq=" + auditBefore, admin, null);
    assertThat(audit.body())
        .contains(
            "\"principal\":\""
                + admin[0]
                + "\",\"kind\":\"key_rotated\",\"subject\":\"key "
                + newPrimary
                + "\"")
        .contains("\"previous_key\":\"" + oldPrimary + "\"");
  }

  @Test
  void d2_administratorDestroysAKeyWhileTheServerRuns() throws Exception {
    String[] admin = rest.newAdmin();
    String[] user = rest.newUser("shredder");
    int primary =
        RestTestClient.json(rest.send("GET", "/engine-rest/key", admin, null))
            .get(0)
            .get("id")
            .asInt();
    String primaryPath = "/engine-rest/key/" + primary + "/destroy";
    assertThat(rest.send("POST", primaryPath, null, null).statusCode()).isEqualTo(401);
    assertThat(rest.send("POST", primaryPath, user, null).statusCode()).isEqualTo(403);
    HttpResponse<String> refused = rest.send("POST", primaryPath, admin, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("is the primary key");
    HttpResponse<String> unknown =
        rest.send("POST", "/engine-rest/key/" + (primary + 1) + "/destroy", admin, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> notANumber =
        rest.send("POST", "/engine-rest/key/abc/destroy", admin, null);
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).doesNotContain("Exception", "\tat ");

    int rotated =
        RestTestClient.json(rest.send("POST", "/engine-rest/key/rotate", admin, null))
            .get("primary")
            .get("id")
            .asInt();
    long auditBefore =
        RestTestClient.json(rest.send("GET", "/engine-rest/audit/count", admin, null))
            .get("count")
            .asLong();
    HttpResponse<String> destroyed = rest.send("POST", primaryPath, admin, null);

    assertThat(destroyed.statusCode()).as(destroyed::body).isEqualTo(200);
    JsonNode answer = RestTestClient.json(destroyed);
    assertThat(answer.get("id").asInt()).isEqualTo(primary);
    assertThat(answer.get("unreadableValues").asLong()).isZero();
    assertThat(answer.get("consequence").asString())
        .contains("key " + primary + " is destroyed", "crypto-shredding");
    JsonNode keys = RestTestClient.json(rest.send("GET", "/engine-rest/key", admin, null));
    for (JsonNode key : keys) {
      assertThat(key.get("id").asInt()).isNotEqualTo(primary);
    }
    assertThat(keys.get(0).get("id").asInt()).isEqualTo(rotated);
    HttpResponse<String> audit =
        rest.send("GET", "/engine-rest/audit?maxResults=100&afterSeq=" + auditBefore, admin, null);
    assertThat(audit.body())
        .contains(
            "\"principal\":\""
                + admin[0]
                + "\",\"kind\":\"key_destroyed\",\"subject\":\"key "
                + primary
                + "\"")
        .contains("\"unreadable_values\":\"0\"");
    assertThat(rest.send("POST", primaryPath, admin, null).statusCode())
        .as("a destroyed key is gone")
        .isEqualTo(404);
  }
}
