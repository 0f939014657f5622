/**
 * Location rules (Z4): the ordered allow/deny rules per path that the server applies to every
 * request after authentication, stored in {@code bw_location_rule} with a version row that every
 * change raises, and the commands that list, change, reorder and explain them, refusing a change
 * that would lock the administrators out (Z5). The decision itself is {@code
 * io.bulwark.engine.api.LocationRuleSet#decide}, shared by the server and explain.
 */
package io.bulwark.engine.location;
