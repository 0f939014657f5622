package io.bulwark.engine.api;

/**
 * The outcome of checking the audit log's chain and checkpoints (D4).
 *
 * @param outcome whether the log is intact
 * @param records how many records were checked (the chain's length when {@code VALID})
 * @param signedCheckpoints how many checkpoint signatures were verified
 * @param uncheckedCheckpoints checkpoints whose signature could not be checked because this engine
 *     has no signing key (a database reached by JDBC URL)
 * @param firstBadSeq the sequence number of the first changed, removed or reordered record; 0 when
 *     none
 * @param problem what is wrong with it, or why verification was skipped; empty when valid
 */
public record AuditVerification(
    Outcome outcome,
    long records,
    long signedCheckpoints,
    long uncheckedCheckpoints,
    long firstBadSeq,
    String problem) {

  /** Valid, broken, or not checked because the log is longer than the bound asked for. */
  public enum Outcome {
    VALID,
    BROKEN,
    TOO_LARGE
  }
}
