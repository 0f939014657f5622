package io.bulwark.server.doctor.remote;

import java.util.List;

/**
 * The anonymous answers the probe collects once and every check reads.
 *
 * @param login GET /app/login
 * @param api GET /engine-rest/process-definition
 * @param notFound GET /engine-rest/does-not-exist
 * @param malformedPath GET with a broken percent-encoding
 * @param malformedJson POST with a truncated JSON body
 * @param app GET /app/
 * @param internal GET /internal/
 */
record Answers(
    HttpAnswer login,
    HttpAnswer api,
    HttpAnswer notFound,
    HttpAnswer malformedPath,
    HttpAnswer malformedJson,
    HttpAnswer app,
    HttpAnswer internal) {

  static Answers collect(ProbeConnector c) {
    String json = "application/json";
    String brokenJson = "{\"variables\": {\"x\": ";
    String post =
        "POST /engine-rest/process-definition/key/doctor-probe/start HTTP/1.1\r\nHost: "
            + c.target().authority()
            + "\r\nUser-Agent: bulwark-doctor\r\nContent-Type: application/json\r\nContent-Length: "
            + brokenJson.length()
            + "\r\nConnection: close\r\n\r\n"
            + brokenJson;
    return new Answers(
        c.tls("GET /app/login", c.get("/app/login", "text/html")),
        c.tls(
            "GET /engine-rest/process-definition", c.get("/engine-rest/process-definition", json)),
        c.tls("GET /engine-rest/does-not-exist", c.get("/engine-rest/does-not-exist", json)),
        c.tls("GET /engine-rest/%zz", c.get("/engine-rest/%zz", json)),
        c.tls("POST broken JSON", post),
        c.tls("GET /app/", c.get("/app/", "text/html")),
        c.tls("GET /internal/", c.get("/internal/", json)));
  }

  List<HttpAnswer> all() {
    return List.of(login, api, notFound, malformedPath, malformedJson, app, internal);
  }

  List<HttpAnswer> errors() {
    return List.of(notFound, malformedPath, malformedJson);
  }
}
