package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.AuditVerification.Outcome;
import io.bulwark.engine.crypto.AuditSigner;
import java.util.NavigableMap;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Walks the chain in sequence order (D4) and stops at the first record that was removed (a gap in
 * the sequence numbers), moved or inserted (its previous hash is not the hash of the record before
 * it) or changed (its hash is not the hash of its fields), then checks the tail against the head
 * row and every checkpoint against the record it signs. Not thread-safe; one per verification.
 */
final class ChainVerifier {

  private final NavigableMap<Long, AuditRepository.Checkpoint> checkpoints;
  private final Optional<AuditSigner> signer;
  private long expectedSeq = 1;
  private String previousHash = AuditChain.GENESIS;
  private long signed;
  private long unchecked;
  private @Nullable AuditVerification broken;

  ChainVerifier(
      NavigableMap<Long, AuditRepository.Checkpoint> checkpoints, Optional<AuditSigner> signer) {
    this.checkpoints = checkpoints;
    this.signer = signer;
  }

  /**
   * Checks the next record.
   *
   * @return false once the chain is broken; the verdict is then final
   */
  boolean accept(AuditRecord record) {
    if (record.seq() != expectedSeq) {
      return fail(expectedSeq, "record " + expectedSeq + " was removed");
    }
    if (!record.prevHash().equals(previousHash)) {
      return fail(
          record.seq(),
          "record "
              + record.seq()
              + " does not follow record "
              + (record.seq() - 1)
              + ": records were removed, inserted or reordered here");
    }
    if (!AuditChain.hashOf(record).equals(record.hash())) {
      return fail(record.seq(), "record " + record.seq() + " was changed after it was written");
    }
    AuditRepository.Checkpoint checkpoint = checkpoints.get(record.seq());
    if (checkpoint != null && !checkpointHolds(checkpoint, record)) {
      return false;
    }
    previousHash = record.hash();
    expectedSeq++;
    return true;
  }

  /** The verdict after the last record read, given the head row's seq and hash. */
  AuditVerification finish(AuditRepository.Head head) {
    if (broken != null) {
      return broken;
    }
    long last = expectedSeq - 1;
    if (head.seq() != last || !head.hash().equals(previousHash)) {
      broken =
          verdict(
              last + 1,
              "the log ends at record "
                  + last
                  + " but its head names record "
                  + head.seq()
                  + ": records after "
                  + last
                  + " were removed, or the head was changed");
      return broken;
    }
    if (!checkpoints.isEmpty() && checkpoints.lastKey() > last) {
      long seq = checkpoints.lastKey();
      broken =
          verdict(
              last + 1,
              "checkpoint " + seq + " signs a record that is missing: records were removed");
      return broken;
    }
    return new AuditVerification(Outcome.VALID, last, signed, unchecked, 0, "");
  }

  private boolean checkpointHolds(AuditRepository.Checkpoint checkpoint, AuditRecord record) {
    if (!checkpoint.hash().equals(record.hash())) {
      return fail(record.seq(), "record " + record.seq() + " differs from its signed checkpoint");
    }
    if (signer.isEmpty()) {
      unchecked++;
      return true;
    }
    String text = AuditChain.checkpointText(checkpoint.seq(), checkpoint.hash());
    if (!signer.get().verifies(checkpoint.signature(), text)) {
      return fail(record.seq(), "the signature of checkpoint " + record.seq() + " does not verify");
    }
    signed++;
    return true;
  }

  private boolean fail(long seq, String problem) {
    broken = verdict(seq, problem);
    return false;
  }

  private AuditVerification verdict(long seq, String problem) {
    return new AuditVerification(Outcome.BROKEN, expectedSeq - 1, signed, unchecked, seq, problem);
  }
}
