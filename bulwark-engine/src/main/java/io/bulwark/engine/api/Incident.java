package io.bulwark.engine.api;

import java.time.Instant;

/**
 * A failure that needs a person: a job ({@code failedJob}) or external task ({@code
 * failedExternalTask}) out of retries. Exactly one of {@code jobId} and {@code externalTaskId} is
 * set.
 */
public record Incident(
    String id,
    String type,
    Instant createdAt,
    String executionId,
    String processInstanceId,
    String activityId,
    String jobId,
    String externalTaskId,
    String message) {}
