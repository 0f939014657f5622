/**
 * Camunda 7's password policy endpoints under {@code /engine-rest/identity/password-policy} (A4):
 * the rules of the policy in force, and which of them a candidate password breaks, without storing
 * anything.
 */
package io.bulwark.server.rest.password;
