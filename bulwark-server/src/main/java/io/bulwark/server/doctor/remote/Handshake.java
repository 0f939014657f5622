package io.bulwark.server.doctor.remote;

/**
 * The outcome of one TLS handshake attempt.
 *
 * @param outcome accepted, refused by the server, or not offered because this JVM cannot
 * @param protocol the negotiated protocol when accepted, else what was offered
 * @param suite the negotiated suite when accepted, else empty
 */
record Handshake(Outcome outcome, String protocol, String suite) {

  enum Outcome {
    ACCEPTED,
    REFUSED,
    NOT_OFFERED
  }

  boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
