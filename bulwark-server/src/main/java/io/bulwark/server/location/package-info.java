/**
 * Location rules in the server's request path (Z4): the authorization manager that every service
 * group's chain applies after authentication, the per-node copy of the rule set that one version
 * read per request keeps fresh, the REST resource {@code /engine-rest/location-rule} and the doctor
 * check. The rules, their storage and explain are the engine's {@code LocationRuleService}.
 */
package io.bulwark.server.location;
