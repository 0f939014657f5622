/**
 * Authorization (Z1, Z2, Z3, Z8): resource types, permissions, what each command requires, the
 * stored rules (grants, revokes, global rules; {@code bw_authorization}), the engine's checker
 * {@link io.bulwark.engine.authz.GrantChecker} with case security, and the one compiler that turns
 * a user's rules into the SQL filter of list queries. Every decision is a non-null {@link
 * io.bulwark.engine.authz.Decision} naming its rule; every rule list ends in the default deny.
 */
package io.bulwark.engine.authz;
