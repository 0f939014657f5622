package io.bulwark.engine.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit log as stored (D4): its place in the chain, the event, the hash of the
 * record before it ({@code 64 zeros} for the first) and its own hash, both SHA-256 in lower-case
 * hex.
 *
 * @param principal who did it, or null when unknown
 * @param subject what it was done to, or null
 * @param details the event's details as a JSON object
 */
public record AuditRecord(
    long seq,
    Instant time,
    String node,
    @Nullable String principal,
    String kind,
    @Nullable String subject,
    String details,
    String prevHash,
    String hash) {}
