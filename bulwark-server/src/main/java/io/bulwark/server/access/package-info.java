/**
 * Who may reach what (W7, A1): the service groups (web apps, integration API, internal services),
 * the gate that switches each group off or limits it to an IP allowlist, and the Spring Security
 * filter chains of the integration API and the internal services, plus the catch-all chain that
 * denies everything else. Client addresses are the TCP peer addresses; {@code X-Forwarded-For} is
 * not trusted (no proxy support yet).
 */
package io.bulwark.server.access;
