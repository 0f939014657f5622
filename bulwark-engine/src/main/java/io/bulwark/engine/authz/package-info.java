/**
 * Authorization declarations (Z2): resource types, permissions, what a command requires and the
 * checker interface the command executor calls before any command runs. The real rule engine and
 * its SQL filter compiler come later; until then {@link AllowAllAuthorizationChecker} is the only
 * implementation and is for development only.
 */
package io.bulwark.engine.authz;
