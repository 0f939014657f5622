package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Basic authentication at API speed (issue 14, item 11): repeated Basic requests skip the password
 * hash, and a password change, a disable, a delete or a membership change still counts at the very
 * next request (A10).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BasicCredentialCacheIT {

  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  @Autowired BasicCredentialCache cache;

  @Test
  void repeatedBasicRequestsSkipThePasswordHash() throws Exception {
    String[] user = newUser();
    assertThat(profile(user)).isEqualTo(200);
    long before = cache.fullChecks();
    for (int i = 0; i < 5; i++) {
      assertThat(profile(user)).isEqualTo(200);
    }
    assertThat(cache.fullChecks()).isEqualTo(before);
    String[] wrong = {user[0], user[1] + "x"};
    assertThat(profile(wrong)).isEqualTo(401);
    assertThat(cache.fullChecks()).isEqualTo(before + 1);
  }

  @Test
  void a10_passwordChangeTakesEffectAtTheNextRequest() throws Exception {
    String[] user = newUser();
    assertThat(profile(user)).isEqualTo(200);
    assertThat(profile(user)).isEqualTo(200);
    String fresh = "Tq7!" + UUID.randomUUID();
    try (Secret current = Secret.of(user[1]);
        Secret next = Secret.of(fresh)) {
      engine.identityService().changePassword(user[0], current, next);
    }
    assertThat(profile(user)).isEqualTo(401);
    assertThat(profile(new String[] {user[0], fresh})).isEqualTo(200);
  }

  @Test
  void a10_disableAndDeleteTakeEffectAtTheNextRequest() throws Exception {
    String[] disabled = newUser();
    assertThat(profile(disabled)).isEqualTo(200);
    engine.identityService().disableUser(SETUP, disabled[0]);
    assertThat(profile(disabled)).isEqualTo(401);

    String[] deleted = newUser();
    assertThat(profile(deleted)).isEqualTo(200);
    engine.identityService().deleteUser(SETUP, deleted[0]);
    assertThat(profile(deleted)).isEqualTo(401);
  }

  @Test
  void a10_membershipChangeTakesEffectAtTheNextRequest() throws Exception {
    String[] user = newUser();
    assertThat(send("/engine-rest/user?maxResults=1", user)).isEqualTo(403);
    engine.identityService().addMembership(SETUP, user[0], IdentityService.ADMINISTRATORS_GROUP);
    assertThat(send("/engine-rest/user?maxResults=1", user)).isEqualTo(200);
    engine.identityService().removeMembership(SETUP, user[0], IdentityService.ADMINISTRATORS_GROUP);
    assertThat(send("/engine-rest/user?maxResults=1", user)).isEqualTo(403);
  }

  private int profile(String[] user) throws Exception {
    return send("/engine-rest/user/" + user[0] + "/profile", user);
  }

  private int send(String path, String[] user) throws Exception {
    ServerEndpoint server = ServerEndpoint.of(context);
    HttpRequest request =
        HttpRequest.newBuilder(server.uri(path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)))
            .GET()
            .build();
    return server.client().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private String[] newUser() {
    String id = "basic-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(SETUP, new NewUser(id, "Test " + id, secret, PasswordChange.NOT_REQUIRED));
    }
    return new String[] {id, password};
  }
}
