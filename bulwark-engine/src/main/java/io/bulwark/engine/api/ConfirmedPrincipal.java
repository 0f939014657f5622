package io.bulwark.engine.api;

import java.util.Objects;

/**
 * A principal whose earlier authentication was confirmed on the request path (A10), with the
 * version of the location rules (Z4) read in the same statement: a server that holds the rule set
 * at that version decides the request without reading the version again (issue 14).
 *
 * @param principal the user with its current groups
 * @param locationRuleVersion the stored {@link LocationRuleSet#version()} when the user was read
 */
public record ConfirmedPrincipal(Principal principal, long locationRuleVersion) {

  public ConfirmedPrincipal {
    Objects.requireNonNull(principal, "principal");
  }
}
