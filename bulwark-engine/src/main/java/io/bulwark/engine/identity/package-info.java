/**
 * The database identity provider: users, groups, memberships, Argon2id password hashes (A3), the
 * password policy (A4), enumeration-safe authentication (A6) and the first administrator (A2).
 */
package io.bulwark.engine.identity;
