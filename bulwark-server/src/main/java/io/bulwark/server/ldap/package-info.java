/**
 * The LDAP and Active Directory identity provider (A8): a read-only {@code ExternalDirectory} over
 * the UnboundID LDAP SDK, reached only over LDAPS or StartTLS with certificate and host-name
 * verification (T7), with filters built by the SDK (no LDAP injection), passwords checked by a bind
 * as the user, and the service account's password from an owner-only file or the environment.
 */
package io.bulwark.server.ldap;
