package io.bulwark.server.rest.password;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.PasswordCandidate;
import io.bulwark.engine.api.PasswordCheckResult;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.http.ErrorResponder;
import io.bulwark.server.http.Problem;
import io.bulwark.server.http.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET} and {@code POST /engine-rest/identity/password-policy} (A4) in Camunda 7's JSON
 * shape: {@code {"rules":[{"placeholder":…,"parameter":{…}|null}]}}, and for a candidate {@code
 * {"password":…,"profile":{"id","firstName","lastName","email"}}} the same rules each with {@code
 * "valid"}, plus {@code "valid"} overall. Nothing is stored or logged; the answer is never cached.
 * Authenticated like every {@code /engine-rest} call (A1).
 */
@RestController
final class PasswordPolicyController {

  static final String PATH = "/engine-rest/identity/password-policy";

  private final IdentityService identity;
  private final JsonMapper json = JsonMapper.builder().build();

  PasswordPolicyController(BulwarkEngine engine) {
    this.identity = engine.identityService();
  }

  @GetMapping(PATH)
  void policy(HttpServletResponse response) throws IOException {
    write(response, CamundaPasswordPolicyJson.policy(json, identity.passwordPolicy()));
  }

  @PostMapping(PATH)
  void check(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonNode body;
    try {
      body = json.readTree(request.getInputStream());
    } catch (JacksonException notJson) {
      refuse(request, response, "The body must be a JSON object.");
      return;
    }
    if (body == null || !body.isObject() || !body.path("password").isString()) {
      refuse(request, response, "The body must be a JSON object with a string \"password\".");
      return;
    }
    JsonNode profile = body.path("profile");
    if (!profile.isMissingNode() && !profile.isNull() && !profile.isObject()) {
      refuse(request, response, "\"profile\" must be a JSON object when given.");
      return;
    }
    PasswordCheckResult result;
    try (Secret password = Secret.of(body.get("password").stringValue())) {
      result =
          identity.checkPassword(
              new PasswordCandidate(password, text(profile, "id"), name(profile)));
    }
    write(response, CamundaPasswordPolicyJson.result(json, result));
  }

  /** First name, last name and the e-mail's local part, as one name for the name rule. */
  private static Optional<String> name(JsonNode profile) {
    StringBuilder name = new StringBuilder();
    text(profile, "firstName").ifPresent(v -> name.append(v).append(' '));
    text(profile, "lastName").ifPresent(v -> name.append(v).append(' '));
    text(profile, "email").map(v -> v.split("@", 2)[0]).ifPresent(name::append);
    String joined = name.toString().strip();
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }

  private static Optional<String> text(JsonNode profile, String field) {
    JsonNode value = profile.path(field);
    return value.isString() && !value.stringValue().isBlank()
        ? Optional.of(value.stringValue())
        : Optional.empty();
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    ErrorResponder.respond(request, response, Problem.of(ProblemType.BAD_REQUEST, detail));
  }

  private void write(HttpServletResponse response, JsonNode answer) throws IOException {
    byte[] bytes = json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
