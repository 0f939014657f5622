/**
 * Authentication of the web apps and the integration API: the identity-backed authentication
 * provider, the web app security filter chain (form login, logout, CSRF), the forced password
 * change (A2), server-side sessions and their cookie (W1, A10), the per-request re-check of the
 * user (A10) and the structured authentication event log (A7).
 */
package io.bulwark.server.auth;
