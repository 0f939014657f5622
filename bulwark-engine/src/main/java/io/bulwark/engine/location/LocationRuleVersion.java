package io.bulwark.engine.location;

/**
 * The stored version of the location rules (Z4) as a column of another statement on the request
 * path (issue 14): the statement that confirms a request's credentials reads it too, so that the
 * server knows in the same round trip whether its copy of the rules is current and needs no read of
 * its own. The version read this way is as fresh as a read of its own: it is read on every request,
 * in the request's own statement, before the request is decided.
 */
public final class LocationRuleVersion {

  /**
   * A scalar subquery for a select list: the rule set's version, 0 when there is no version row (as
   * {@link LocationRuleRepository} reads it).
   */
  public static final String COLUMN =
      "COALESCE((SELECT rs.version FROM bw_location_rule_set rs WHERE rs.id = 1), 0)";

  private LocationRuleVersion() {}
}
