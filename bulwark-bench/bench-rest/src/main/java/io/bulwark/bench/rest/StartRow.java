package io.bulwark.bench.rest;

import java.time.Duration;
import java.util.Map;

/** Process starts: {@code POST /process-definition/key/restStart/start} by N concurrent clients. */
final class StartRow {

  private StartRow() {}

  static RowResult run(
      RestServer server,
      Setup setup,
      Credentials credentials,
      int clients,
      Duration warmup,
      Duration timed)
      throws Exception {
    String authorization = credentials.header(server, Setup.STARTER, setup.password(Setup.STARTER));
    String path = "/process-definition/key/" + Models.STARTS + "/start";
    return ClosedLoop.run(
        "starts, " + clients + (clients == 1 ? " client" : " clients"),
        "req/s",
        server.kind().label,
        credentials.label,
        clients,
        warmup,
        timed,
        client -> {
          RestClient rest = server.client(authorization);
          return sequence -> {
            var started =
                rest.post(
                    path,
                    Map.of(
                        "businessKey",
                        "order-" + sequence,
                        "variables",
                        Map.of("amount", Setup.typed(sequence, "Long"))));
            if (!started.path("id").isString()) {
              throw new IllegalStateException("a start answered no id: " + started);
            }
          };
        });
  }
}
