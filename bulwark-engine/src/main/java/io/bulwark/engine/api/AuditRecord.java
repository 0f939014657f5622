package io.bulwark.engine.api;

import java.time.Instant;

/**
 * One record of the audit log as stored (D4): its place in the chain, the event, the hash of the
 * record before it ({@code 64 zeros} for the first) and its own hash, both SHA-256 in lower-case
 * hex.
 *
 * @param details the event's details as a JSON object
 */
public record AuditRecord(
    long seq,
    Instant time,
    String node,
    String principal,
    String kind,
    String subject,
    String details,
    String prevHash,
    String hash) {}
