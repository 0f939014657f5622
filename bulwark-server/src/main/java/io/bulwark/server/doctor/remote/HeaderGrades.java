package io.bulwark.server.doctor.remote;

import io.bulwark.server.doctor.Finding;

/**
 * The header rules of the remote probe, for local checks that record the headers the server's own
 * filter writes (T5, W3): one set of rules, so that the same headers get the same grade locally and
 * remotely.
 */
public final class HeaderGrades {

  private HeaderGrades() {}

  /** T5 on an answer of the web app and one of the integration API. */
  public static Finding t5(HttpAnswer web, HttpAnswer api) {
    return HeaderChecks.t5(web, api);
  }

  /** W3 on an answer of the web app and one of the integration API. */
  public static Finding w3(HttpAnswer web, HttpAnswer api) {
    return HeaderChecks.w3(web, api);
  }
}
