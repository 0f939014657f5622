package io.bulwark.server.auth;

import static io.bulwark.server.auth.TestHttpClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.NewUser.PasswordChange;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.mail.TestSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A11 end to end over HTTPS with a real SMTP server speaking TLS (T7): the lost-password form
 * answers the same for a known and an unknown account (A6); the mailed link loads the reset form,
 * which posts the token back; the new password goes through the policy; the reset ends the user's
 * other sessions (A10); the link works once; the token appears in no log output (A7).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServer.DataDir.class)
class PasswordRecoveryWebIT {

  private static final Principal ADMIN =
      new Principal(IdentityService.INITIAL_ADMINISTRATOR, Set.of("bulwark-admins"));
  private static final String LINK_BASE = "https://bulwark.example.test";
  private static final Pattern LINK =
      Pattern.compile(Pattern.quote(LINK_BASE) + "/app/account/reset\\?token=([A-Za-z0-9_-]{43})");
  private static final TestSmtpServer SMTP = TestSmtpServer.start();

  @Autowired private Environment environment;
  @Autowired private BulwarkEngine engine;

  private URI base;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("bulwark.mail.host", () -> "localhost");
    registry.add("bulwark.mail.port", SMTP::port);
    registry.add("bulwark.mail.transport", () -> "IMPLICIT_TLS");
    registry.add("bulwark.mail.from", () -> "bulwark@localhost");
    registry.add("bulwark.mail.trust-certificates", () -> TestSmtpServer.trustedCertificates());
    registry.add("bulwark.password-recovery.link-base-url", () -> LINK_BASE);
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.close();
  }

  @BeforeEach
  void findServer() {
    base = TestServer.baseUri(environment);
  }

  @Test
  void a11_mailedLinkResetsThePasswordOnceAndEndsOtherSessions(CapturedOutput output) {
    String id = "rescue-" + UUID.randomUUID().toString().substring(0, 8);
    String email = id + "@example.org";
    String oldPassword = "Tq7!" + UUID.randomUUID();
    String newPassword = "Wv3!" + UUID.randomUUID();
    createUser(id, email, oldPassword);
    TestHttpClient signedIn = new TestHttpClient(base);
    assertThat(signedIn.signIn(id, oldPassword).statusCode()).isEqualTo(302);
    assertThat(signedIn.get("/app/").statusCode()).isEqualTo(200);

    int before = SMTP.mails().size();
    TestHttpClient requester = new TestHttpClient(base);
    HttpResponse<String> known = requestLink(requester, id);
    String token = tokenFrom(awaitMailTo(email, before));

    HttpResponse<String> form = requester.get("/app/account/reset?token=" + token);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"token\"").contains("name=\"next\"");
    assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(form.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

    HttpResponse<String> weak = reset(requester, token, "Password1234");
    assertThat(weak.statusCode()).isEqualTo(200);
    assertThat(weak.body()).contains("field-errors").doesNotContain("Exception");

    HttpResponse<String> done = reset(requester, token, newPassword);
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(location(done)).endsWith("/app/login?reset");

    assertThat(signedIn.get("/app/").statusCode()).as("the old session ended (A10)").isEqualTo(302);
    assertThat(new TestHttpClient(base).signIn(id, oldPassword).headers().firstValue("Location"))
        .get()
        .asString()
        .contains("error");
    assertThat(location(new TestHttpClient(base).signIn(id, newPassword))).endsWith("/app/");

    HttpResponse<String> again = reset(requester, token, "Yx5!" + UUID.randomUUID());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("link-invalid");
    assertThat(requester.get("/app/account/reset?token=" + token).body()).contains("link-invalid");

    assertThat(known.statusCode()).isEqualTo(302);
    assertThat(output.getAll())
        .contains("\"event\":\"password_reset\"")
        .contains("\"event\":\"password_recovery_requested\"")
        .doesNotContain(token);
  }

  @Test
  void a6_a11_unknownAccountGetsTheSameAnswerAndNoMail() {
    TestHttpClient requester = new TestHttpClient(base);
    String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    int before = SMTP.mails().size();

    HttpResponse<String> answer = requestLink(requester, unknown);
    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(location(answer)).endsWith("/app/account/lost-password?sent");
    HttpResponse<String> page = requester.get("/app/account/lost-password?sent");
    assertThat(page.body()).contains("recovery-sent");

    SMTP.awaitMails(before + 1, 1_000);
    assertThat(SMTP.mails()).hasSize(before);
  }

  @Test
  void a11_forgedOrMissingTokenShowsTheInvalidLinkPage() {
    TestHttpClient browser = new TestHttpClient(base);
    for (String path :
        List.of(
            "/app/account/reset",
            "/app/account/reset?token=short",
            "/app/account/reset?token=" + "A".repeat(43))) {
      HttpResponse<String> answer = browser.get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.body()).as(path).contains("link-invalid").doesNotContain("name=\"next\"");
    }
  }

  @Test
  void w2_resetFormWithoutCsrfTokenIsRefused() {
    HttpResponse<String> answer =
        new TestHttpClient(base).post("/app/account/lost-password", Map.of("account", "whoever"));
    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void z9_a11_newEmailAddressChangesOnlyWhenTheLinkMailedToItIsFollowed(CapturedOutput output)
      throws Exception {
    String id = "mover-" + UUID.randomUUID().toString().substring(0, 8);
    String oldEmail = id + "@example.org";
    String newEmail = id + "@new.example";
    String password = "Tq7!" + UUID.randomUUID();
    createUser(id, oldEmail, password);
    TestHttpClient browser = new TestHttpClient(base);
    browser.signIn(id, password);
    String profile = "/app/account/profile";
    Map<String, String> move =
        Map.of(
            "firstName", "Mo", "lastName", "Ver", "email", newEmail, "currentPassword", password);
    Map<String, String> wrong = new java.util.HashMap<>(move);
    wrong.put("currentPassword", "not-my-password-42");
    assertThat(browser.submit(profile, profile, wrong).body())
        .contains("Enter your current password");

    int before = SMTP.mails().size();
    HttpResponse<String> saved = browser.submit(profile, profile, move);
    assertThat(location(saved)).endsWith(profile + "?saved&verify");
    assertThat(browser.get(profile + "?saved&verify").body()).contains("email-link-sent");
    MimeMessage mail = awaitMailTo(newEmail, before);
    assertThat(mail.getSubject()).isEqualTo("Confirm your new Bulwark e-mail address");
    Matcher link =
        Pattern.compile(
                Pattern.quote(LINK_BASE) + "/app/account/verify-email\\?token=([A-Za-z0-9_-]{43})")
            .matcher(mail.getContent().toString());
    assertThat(link.find()).as("the mail holds a confirmation link").isTrue();
    String token = link.group(1);
    // Until the link is followed, the old address stays, and recovery mails go there only.
    assertThat(engine.identityService().findUser(id).orElseThrow().email()).isEqualTo(oldEmail);

    TestHttpClient mailReader = new TestHttpClient(base);
    HttpResponse<String> form = mailReader.get("/app/account/verify-email?token=" + token);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("confirm-email").contains("name=\"token\"");
    assertThat(form.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(engine.identityService().findUser(id).orElseThrow().email())
        .as("loading the page changes nothing (mail scanners fetch links)")
        .isEqualTo(oldEmail);
    HttpResponse<String> confirmed = confirm(mailReader, token);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("email-verified");
    assertThat(engine.identityService().findUser(id).orElseThrow().email()).isEqualTo(newEmail);
    assertThat(confirm(mailReader, token).body()).as("single use").contains("link-invalid");
    assertThat(confirm(mailReader, "x".repeat(43)).body()).contains("link-invalid");
    assertThat(output.getAll())
        .contains("\"event\":\"email_change_requested\"")
        .contains("\"event\":\"email_verified\"")
        .doesNotContain(token);
  }

  private void createUser(String id, String email, String password) {
    try (Secret secret = Secret.of(password)) {
      engine
          .identityService()
          .createUser(
              ADMIN,
              new NewUser(
                  id,
                  new UserProfile("Res", "Cue", null, email),
                  secret,
                  PasswordChange.NOT_REQUIRED));
    }
  }

  private static HttpResponse<String> confirm(TestHttpClient browser, String token) {
    return browser.submit(
        "/app/account/lost-password", "/app/account/verify-email", Map.of("token", token));
  }

  private static HttpResponse<String> requestLink(TestHttpClient browser, String account) {
    return browser.submit(
        "/app/account/lost-password", "/app/account/lost-password", Map.of("account", account));
  }

  private static HttpResponse<String> reset(TestHttpClient browser, String token, String password) {
    // The CSRF token comes from another page: a used link shows no form.
    return browser.submit(
        "/app/account/lost-password",
        "/app/account/reset",
        Map.of("token", token, "next", password, "repeat", password));
  }

  private static MimeMessage awaitMailTo(String email, int before) {
    List<MimeMessage> mails = SMTP.awaitMails(before + 1, 10_000);
    return mails.stream()
        .filter(mail -> recipient(mail).equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mail to " + email));
  }

  private static String tokenFrom(MimeMessage mail) {
    try {
      Matcher link = LINK.matcher(mail.getContent().toString());
      assertThat(link.find()).as("the mail holds a reset link").isTrue();
      assertThat(mail.getSubject()).isEqualTo("Reset your Bulwark password");
      return link.group(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String recipient(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new AssertionError(e);
    }
  }
}
