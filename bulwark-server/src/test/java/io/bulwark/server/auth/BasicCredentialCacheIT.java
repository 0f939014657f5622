package io.bulwark.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.auth.AuthEventLog.Channel;
import io.bulwark.server.http.ServerEndpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Basic authentication at API speed (issue 14, item 11): repeated Basic requests skip the password
 * hash, and a password change, a disable, a delete or a membership change still counts at the very
 * next request (A10); requests that bring the same credentials at once after their entry expired
 * share one password check instead of meeting the password-check bound (E8).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BasicCredentialCacheIT {

  private static final Principal SETUP =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));

  @Autowired ApplicationContext context;
  @Autowired BulwarkEngine engine;
  @Autowired BasicCredentialCache cache;
  @Autowired AuthEventLog events;

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

  @Test
  void e8_sameCredentialsAfterExpiryWaitForOneCheckInsteadOf429() throws Exception {
    String[] user = newUser();
    AuthenticationProvider passwords = AuthConfiguration.throttled(engine, events, Channel.API);
    AtomicInteger checks = new AtomicInteger();
    AuthenticationProvider counted =
        new AuthenticationProvider() {
          @Override
          public @Nullable Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            return passwords.authenticate(request);
          }

          @Override
          public boolean supports(Class<?> authentication) {
            return passwords.supports(authentication);
          }
        };
    // One check at a time and no wait: every request that meets a running check is refused.
    PasswordCheckLimiter oneAtATime =
        new PasswordCheckLimiter(new PasswordCheckSettings(1, Duration.ZERO));
    BasicCredentialCache fresh =
        new BasicCredentialCache(
            oneAtATime.guard(counted),
            engine.identityService(),
            new BasicCacheSettings(true, Duration.ofSeconds(1), 100),
            Clock.systemUTC());
    assertThat(fresh.authenticate(basic(user)).isAuthenticated()).isTrue();
    Thread.sleep(1_100); // the shortest lifetime allowed has passed: the entry expired

    List<Authentication> answers = concurrently(8, () -> fresh.authenticate(basic(user)));

    assertThat(answers).allSatisfy(a -> assertThat(a.isAuthenticated()).isTrue());
    assertThat(checks).as("full password checks").hasValue(2);
    assertThat(oneAtATime.refused()).as("refused with 429").isZero();
  }

  private static UsernamePasswordAuthenticationToken basic(String[] user) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user[0], user[1]);
  }

  private static List<Authentication> concurrently(int clients, Callable<Authentication> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Authentication>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Authentication> answers = new ArrayList<>();
      for (Future<Authentication> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
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
