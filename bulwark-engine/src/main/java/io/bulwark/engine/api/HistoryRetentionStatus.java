package io.bulwark.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the history clean-up (D5) is doing, read live from the database.
 *
 * @param retention the default retention of this engine
 * @param nextRun when the clean-up job is due next; empty when no clean-up job exists
 * @param overdueInstances ended instances whose history is past its retention and still stored,
 *     counted up to {@code countedUpTo}
 * @param countedUpTo the bound of the count: {@code overdueInstances == countedUpTo} means "at
 *     least"
 */
public record HistoryRetentionStatus(
    Duration retention, Optional<Instant> nextRun, long overdueInstances, long countedUpTo) {}
