package io.bulwark.bench.rest;

import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * A running server under measurement: where its REST API is, the TLS context trusting only its
 * certificate, the administrator's credentials and its kind.
 *
 * @param kind which server, for its grants and user bodies
 * @param engineRest the {@code /engine-rest} base URI
 * @param tls trusts only this server's certificate
 * @param adminPassword the password of user {@code admin}
 * @param process the server's JVM
 */
record RestServer(
    ServerKind kind, URI engineRest, SSLContext tls, String adminPassword, ServerProcess process)
    implements AutoCloseable {

  static final String ADMIN = "admin";

  RestClient client(String authorization) {
    return new RestClient(engineRest, tls, authorization);
  }

  /** The administrator's client for set-up: it waits out 429 answers. */
  RestClient admin() {
    return new RestClient(engineRest, tls, RestClient.basic(ADMIN, adminPassword), true);
  }

  @Override
  public void close() {
    process.close();
  }
}
