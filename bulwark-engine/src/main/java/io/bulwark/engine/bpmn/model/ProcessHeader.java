package io.bulwark.engine.bpmn.model;

import org.jspecify.annotations.Nullable;

/**
 * The attributes of a {@code bpmn:process}; {@code name}, {@code versionTag} and {@code
 * historyTimeToLiveDays} may be null. {@code sensitiveVariables} are the names its {@code
 * bulwark:sensitiveVariables} property marks sensitive (D1), empty when none.
 */
public record ProcessHeader(
    String id,
    @Nullable String name,
    boolean executable,
    @Nullable String versionTag,
    @Nullable Integer historyTimeToLiveDays,
    int line,
    java.util.Set<String> sensitiveVariables) {

  public ProcessHeader {
    sensitiveVariables = java.util.Set.copyOf(sensitiveVariables);
  }
}
