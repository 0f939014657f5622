package io.bulwark.server.doctor;

import java.util.List;
import java.util.Optional;

/**
 * The registry of doctor checks (O1): every ID of {@code SECURITY-BASELINE.md}, in its order, with
 * how much of it Bulwark builds today. {@code doctor} reports each ID once, in local and remote
 * mode; the README's status table is generated from this list ({@link BaselineTable}), and a test
 * keeps the IDs equal to the baseline's.
 *
 * <p><b>To add a check</b> for a requirement: register a Spring bean implementing {@link
 * LocalCheck} whose {@link LocalCheck#id()} is the requirement ID, with a test that makes it FAIL;
 * then update the requirement's line below ({@code complete}, or {@code partial} with what is still
 * missing) and regenerate the README table ({@code ./bulwark doctor --markdown}, or the README test
 * prints it). Several checks may share an ID: the worst grade wins. A requirement that is not
 * complete is reported NOT-IMPLEMENTED even when its checks pass, which fails a production start.
 */
public final class Baseline {

  /** Every baseline requirement, in the order of {@code SECURITY-BASELINE.md}. */
  public static final List<Requirement> ALL =
      List.of(
          complete("T1", "HTTPS only"),
          complete("T2", "TLS 1.3 and 1.2 only"),
          complete("T3", "TLS 1.2 suites ECDHE with AEAD only"),
          complete("T4", "certificates; self-signed fails in production"),
          complete("T5", "HSTS on every response"),
          complete("T6", "database TLS with verification"),
          complete("T7", "outbound TLS with verification"),
          complete("A1", "authentication on every interface"),
          complete("A2", "no default credentials"),
          complete("A3", "Argon2id password storage"),
          complete("A4", "password policy"),
          complete("A5", "login throttling and lockout"),
          complete("A6", "no user enumeration"),
          complete("A7", "authentication event log"),
          partial(
              "A8",
              "identity providers",
              "database and read-only LDAP/Active Directory (mapped groups, listed, access tokens);"
                  + " no OpenID Connect"),
          partial(
              "A9",
              "token service for API clients",
              "no token renewal (a client asks for a new token with its credentials)"),
          complete("A10", "sessions: timeouts, new ID, logout, listed and ended on every node"),
          complete("A11", "password self-service and recovery"),
          none("A12", "multi-factor authentication", "no TOTP, no passkeys, no recovery codes"),
          none("A13", "federated identities", "no OpenID Connect login"),
          complete("Z1", "deny by default"),
          complete("Z2", "resource permissions"),
          complete("Z3", "case security"),
          complete("Z4", "location rules"),
          complete("Z5", "grants before security is on"),
          complete("Z6", "deleting users and groups"),
          complete("Z7", "ID allowlist pattern"),
          complete("Z8", "explain a decision"),
          complete("Z9", "self-service profile"),
          partial(
              "Z10",
              "deployments are code",
              "deployments are validated and need CREATE on deployments, but no signatures are"
                  + " verified"),
          complete("W1", "cookie attributes"),
          complete("W2", "CSRF protection; no cookies on the API"),
          complete("W3", "security headers on every response"),
          complete("W4", "no version disclosure"),
          complete("W5", "problem details, no internals in errors"),
          complete("W6", "request filtering"),
          complete("W7", "service groups with IP allowlists"),
          complete("W8", "query limits")
              .provenByBuild("the w8_ tests of every list query, engine and REST"),
          complete("W9", "no development leftovers"),
          partial(
              "W10",
              "form and input validation",
              "task and start forms (formData and Camunda Forms) are validated; message"
                  + " correlation has no contract"),
          partial(
              "W11",
              "input limits everywhere",
              "variables are capped; names and JSON depth of variables are not limited everywhere"),
          none(
              "W12",
              "served content sandboxed",
              "no downloads or uploads yet; attachments and upload limits come with them"),
          complete("W13", "CORS and redirects"),
          partial(
              "W14",
              "rate limits per principal and address",
              "the integration API is rate-limited per principal and client address, but the"
                  + " internal services are not, and counts are kept per node"),
          complete("E1", "hardened XML parsing"),
          complete("E2", "side-effect-free expressions"),
          complete("E3", "script tasks disabled"),
          partial(
              "E4",
              "no Java serialization in variables",
              "no allowlist of Java types for JSON binding in embedded use"),
          complete("E5", "parameterized SQL only")
              .provenByBuild(
                  "the engine's architecture test e5_sqlOnlyThroughPreparedStatements, and"
                      + " e5_refusesUnknownSortColumn"),
          partial(
              "E6",
              "user operation log",
              "no configurable limit on log entries per synchronous operation"),
          none(
              "E7",
              "one outbound client with allowlist",
              "LDAP and SMTP connect only to their configured host with TLS verified, but through"
                  + " their own clients: no shared outbound client, no destination allowlist"),
          partial(
              "E8",
              "resource bounds",
              "password checks, sessions, long polls, connections and the time to send request"
                  + " headers are bounded; a multi-instance activity"
                  + " runs at most 1000 times and conditional events fire at most 100 rounds per"
                  + " command (constants, not settings); no expression step limits, no caps on timer"
                  + " frequency or call depth"),
          partial(
              "D1",
              "encryption at rest",
              "on an external database without a configured key store, e-mail addresses stay in"
                  + " clear (sensitive variables and e-mail addresses are encrypted per field with"
                  + " one; mail and LDAP credentials are never stored)"),
          partial(
              "D2",
              "key management",
              "keys rotate and are destroyed while the server runs (POST /engine-rest/key/rotate,"
                  + " /key/{id}/destroy) or offline, and several nodes follow each other within a"
                  + " second; sensitive variables are re-encrypted in the background, but e-mail"
                  + " addresses inside the rotate call; a key store moves between a passphrase and a"
                  + " key-management key offline only (admin keys rewrap)"),
          complete("D3", "no plain-text secrets in configuration"),
          complete("D4", "tamper-evident audit log"),
          partial(
              "D5",
              "data classes and retention",
              "history is cleaned up after its retention; sensitive variables are masked in history,"
                  + " the operation log, job, incident and external-task failure messages and for"
                  + " readers without READ_VARIABLE; Java delegate classes an embedding application"
                  + " allows may still log values themselves"),
          partial("O1", "hardening audit doctor", "no administration page shows the report"),
          complete("O2", "profiles; production refuses FAILs"),
          complete("O3", "upgrades keep hardening"),
          none("O4", "export and import security configuration", "no export or import"),
          partial(
              "O5",
              "several nodes on one database",
              "jobs, tokens and the session registry are shared; a session's state lives in the"
                  + " memory of the node that holds it (no fail-over)"),
          partial(
              "O6",
              "supply chain",
              "no vulnerability gate: a component with a known vulnerability past its fix deadline"
                  + " does not fail the release"),
          none(
              "O7",
              "security documentation from the running system",
              "doctor does not print limits, login paths, connections or the crypto inventory"));

  private Baseline() {}

  /** The requirement with this ID, if the baseline has one. */
  public static Optional<Requirement> find(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private static Requirement complete(String id, String summary) {
    return new Requirement(id, summary, Coverage.COMPLETE, "", "");
  }

  private static Requirement partial(String id, String summary, String missing) {
    return new Requirement(id, summary, Coverage.PARTIAL, missing, "");
  }

  private static Requirement none(String id, String summary, String missing) {
    return new Requirement(id, summary, Coverage.NONE, missing, "");
  }
}
