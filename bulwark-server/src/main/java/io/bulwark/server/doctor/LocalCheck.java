package io.bulwark.server.doctor;

/**
 * A check of the local configuration and database (O1), registered as a Spring bean next to the
 * feature it checks. The same beans run in {@code bulwark doctor} (a context without a web server)
 * and at server start, where a FAIL stops a production server (O2).
 *
 * <p>One check per requirement ID; its findings carry that ID.
 */
public interface LocalCheck {

  /** The requirement ID this check proves, e.g. {@code "T4"}. */
  String id();

  /** Runs the check; never throws for a failed check, returns a FAIL finding instead. */
  Finding run();
}
