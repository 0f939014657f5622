/**
 * The REST resources of the integration API under {@code /engine-rest}, following Camunda 7's
 * paths, JSON shapes and status codes: users, groups, tenants and memberships. Controllers are
 * thin: they parse a request into a record, make one engine service call as the authenticated
 * principal and map the result to Camunda's JSON; {@link
 * io.bulwark.server.rest.RestExceptionHandler} turns every engine and input error into a problem
 * answer (W5) in one place.
 */
package io.bulwark.server.rest;
