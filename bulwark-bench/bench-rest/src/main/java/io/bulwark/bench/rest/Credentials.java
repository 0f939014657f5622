package io.bulwark.bench.rest;

import java.io.IOException;

/** The two ways a client authenticates: HTTP Basic on every request, or a bearer access token. */
enum Credentials {
  BASIC("Basic"),
  BEARER("bearer");

  final String label;

  Credentials(String label) {
    this.label = label;
  }

  /**
   * The {@code Authorization} header for {@code userId}: Basic, or a token from Bulwark's token
   * endpoint ({@code POST /identity/token} with Basic), asked for once per row. Basic credentials
   * are used once first, alone, as a long-running client's would have been: the row measures the
   * steady state, not the first full password check of every client at once.
   */
  String header(RestServer server, String userId, String password)
      throws IOException, InterruptedException {
    String basic = RestClient.basic(userId, password);
    if (this == BASIC) {
      server.client(basic).status("/version");
      return basic;
    }
    return "Bearer " + server.client(basic).post("/identity/token").get("access_token").asString();
  }
}
