package io.bulwark.server.http;

import java.util.Objects;

/**
 * One problem answer (W5, RFC 9457): its type and a detail chosen by our code. The detail never
 * echoes request input and never carries class names, SQL, stack traces or file paths.
 *
 * @param type the problem type, which also gives title and status
 * @param detail a short, safe explanation for the client
 */
public record Problem(ProblemType type, String detail) {

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type, detail);
  }
}
