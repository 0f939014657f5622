package io.bulwark.engine.audit;

import io.bulwark.engine.api.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit record (D4): SHA-256 (JDK {@link MessageDigest}) over the previous record's
 * hash and every field of the record, each field length-prefixed so that no two different records
 * share an encoding; the time counts in milliseconds. Stateless.
 */
final class AuditChain {

  /** The previous hash of the first record. */
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The hash the record should carry, computed from its other fields. */
  static String hashOf(AuditRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      field(out, record.prevHash());
      out.writeLong(record.seq());
      out.writeLong(record.time().toEpochMilli());
      field(out, record.node());
      field(out, record.principal());
      field(out, record.kind());
      field(out, record.subject());
      field(out, record.details());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
  }

  /** The text a checkpoint signs: the record's place and hash. */
  static String checkpointText(long seq, String hash) {
    return "bulwark-audit-checkpoint:" + seq + ":" + hash;
  }

  private static void field(DataOutputStream out, @Nullable String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
