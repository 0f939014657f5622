/**
 * The database identity provider: users with profiles, groups, tenants and memberships, managed by
 * one small command per operation through the engine's command executor (Z2); the registry of IDs
 * that keeps deleted IDs as tombstones until purged (Z6) and the ID pattern (Z7); Argon2id password
 * hashes (A3), the password policy (A4), enumeration-safe authentication (A6), the first
 * administrator (A2) and the hashed bearer access tokens of API clients (A9).
 */
package io.bulwark.engine.identity;
