/**
 * The account pages under {@code /app/account/}: password recovery by an e-mailed single-use link
 * (A11) and the user's own profile and sessions (Z9, A10). Server-rendered with the shared layout,
 * CSRF on every form, no inline script or style (W2, W3).
 */
package io.bulwark.server.account;
