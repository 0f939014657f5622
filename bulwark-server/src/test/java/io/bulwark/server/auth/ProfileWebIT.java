package io.bulwark.server.auth;

import static io.bulwark.server.auth.TestHttpClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import io.bulwark.engine.api.UserProfile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Z9 and A10 over HTTPS: a user edits only the allowlisted attributes of their own profile (the
 * e-mail only with the current password), sees their sessions and ends the others; the page is
 * no-store, CSRF-protected and free of inline script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
class ProfileWebIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String PROFILE = "/app/account/profile";
  private static final Pattern HANDLE = Pattern.compile("name=\"handle\" value=\"([0-9a-f]{32})\"");

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  private URI base;

  @BeforeEach
  void findServer() {
    base = TestServer.baseUri(environment);
  }

  @Test
  void z9_userEditsOwnNamesAndWithPasswordTheirEmailButNothingElse() {
    String id = "self-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    createUser(id, password);
    TestHttpClient browser = new TestHttpClient(base);
    browser.signIn(id, password);

    HttpResponse<String> page = browser.get(PROFILE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(id).contains("value=\"Ada\"").contains("this session");
    // Scripts only as same-origin static files with no inline body (W3).
    assertThat(page.body())
        .doesNotContain("style=")
        .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/app/assets/)")
        .doesNotContainPattern("<script[^>]*>[^<]+</script>");
    assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

    Map<String, String> renamed = form("Grace", "Hopper", id + "@example.org", "");
    renamed.put("id", "someone-else");
    renamed.put("groups", "bulwark-admins");
    HttpResponse<String> saved = browser.submit(PROFILE, PROFILE, renamed);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(location(saved)).endsWith(PROFILE + "?saved");
    assertThat(browser.get(PROFILE + "?saved").body())
        .contains("value=\"Grace\"")
        .contains("profile-saved");
    User afterRename = engine.identityService().findUser(id).orElseThrow();
    assertThat(afterRename.firstName()).isEqualTo("Grace");
    assertThat(engine.identityService().findUser("someone-else")).isEmpty();
    assertThat(engine.identityService().getUser(ADMIN, id).id()).isEqualTo(id);

    // This server has no mail server: a new address cannot be confirmed, so it cannot change
    // (the mailed link is tested in PasswordRecoveryWebIT).
    String moved = id + "@elsewhere.example";
    HttpResponse<String> noMail =
        browser.submit(PROFILE, PROFILE, form("Grace", "Hopper", moved, password));
    assertThat(noMail.statusCode()).isEqualTo(200);
    assertThat(noMail.body()).contains("no mail server").doesNotContain("Exception");
    assertThat(engine.identityService().findUser(id).orElseThrow().email())
        .isEqualTo(id + "@example.org");
  }

  @Test
  void a10_z9_userSeesSessionsAndEndsTheOthers() {
    String id = "sessions-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    createUser(id, password);
    TestHttpClient laptop = new TestHttpClient(base);
    TestHttpClient phone = new TestHttpClient(base);
    TestHttpClient tablet = new TestHttpClient(base);
    laptop.signIn(id, password);
    phone.signIn(id, password);
    tablet.signIn(id, password);

    String page = laptop.get(PROFILE).body();
    Matcher handles = HANDLE.matcher(page);
    assertThat(handles.find()).as("another session is listed with an End button").isTrue();
    assertThat(page).contains("127.0.0.1").contains("this session");
    assertThat(page).doesNotContain(phone.sessionId().orElseThrow());

    HttpResponse<String> endOne =
        laptop.submit(PROFILE, PROFILE + "/sessions/end", Map.of("handle", handles.group(1)));
    assertThat(endOne.statusCode()).isEqualTo(302);
    int stillIn =
        (phone.get("/app/").statusCode() == 200 ? 1 : 0)
            + (tablet.get("/app/").statusCode() == 200 ? 1 : 0);
    assertThat(stillIn).as("exactly one of the two other sessions ended").isEqualTo(1);

    HttpResponse<String> endAll =
        laptop.submit(PROFILE, PROFILE + "/sessions/end-others", Map.of());
    assertThat(endAll.statusCode()).isEqualTo(302);
    assertThat(location(phone.get("/app/"))).contains("/app/login");
    assertThat(location(tablet.get("/app/"))).contains("/app/login");
    assertThat(laptop.get(PROFILE).statusCode()).isEqualTo(200);
    assertThat(HANDLE.matcher(laptop.get(PROFILE).body()).find()).isFalse();
  }

  @Test
  void w2_z9_profileNeedsSignInAndCsrf() {
    assertThat(location(new TestHttpClient(base).get(PROFILE))).contains("/app/login");
    String id = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Tq7!" + UUID.randomUUID();
    createUser(id, password);
    TestHttpClient browser = new TestHttpClient(base);
    browser.signIn(id, password);
    HttpResponse<String> forged = browser.post(PROFILE, form("Mallory", "M", null, ""));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(engine.identityService().findUser(id).orElseThrow().firstName()).isEqualTo("Ada");
  }

  private void createUser(String id, String password) {
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(
              ADMIN,
              new NewUser(
                  id,
                  new UserProfile("Ada", "Lovelace", null, id + "@example.org"),
                  secret,
                  PasswordChange.NOT_REQUIRED));
    }
  }

  private static Map<String, String> form(
      String firstName, String lastName, String email, String currentPassword) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("firstName", firstName);
    form.put("lastName", lastName);
    form.put("email", email == null ? "" : email);
    form.put("currentPassword", currentPassword);
    return form;
  }
}
