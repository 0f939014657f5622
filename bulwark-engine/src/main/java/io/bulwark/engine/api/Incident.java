package io.bulwark.engine.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A failure that needs a person: a job ({@code failedJob}) or external task ({@code
 * failedExternalTask}) out of retries. Exactly one of {@code jobId} and {@code externalTaskId} is
 * set.
 */
public record Incident(
    String id,
    String type,
    Instant createdAt,
    @Nullable String executionId,
    @Nullable String processInstanceId,
    @Nullable String activityId,
    @Nullable String jobId,
    @Nullable String externalTaskId,
    @Nullable String message) {}
