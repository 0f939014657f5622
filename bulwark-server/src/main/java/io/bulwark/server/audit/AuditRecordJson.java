package io.bulwark.server.audit;

import io.bulwark.engine.api.AuditRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * An audit record as the REST API answers it and {@code bulwark admin audit export} writes it, one
 * JSON object per line (D4): the stored fields, the time as an ISO-8601 UTC instant and the details
 * as a JSON object (as a string when the stored text is not JSON: a record changed in the database
 * is shown, never refused).
 */
public record AuditRecordJson(
    long seq,
    String time,
    String node,
    @Nullable String principal,
    String kind,
    @Nullable String subject,
    JsonNode details,
    String prevHash,
    String hash) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static AuditRecordJson of(AuditRecord record) {
    return new AuditRecordJson(
        record.seq(),
        record.time().toString(),
        record.node(),
        record.principal(),
        record.kind(),
        record.subject(),
        details(record.details()),
        record.prevHash(),
        record.hash());
  }

  /** The record as one line of JSON, without a line break. */
  public String line() {
    return JSON.writeValueAsString(this);
  }

  private static JsonNode details(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      return StringNode.valueOf(text);
    }
  }
}
