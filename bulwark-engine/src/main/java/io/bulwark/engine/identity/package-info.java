/**
 * The database identity provider: users, groups, memberships, Argon2id password hashes (A3), the
 * password policy (A4), enumeration-safe authentication (A6), the first administrator (A2) and the
 * hashed bearer access tokens of API clients (A9).
 */
package io.bulwark.engine.identity;
