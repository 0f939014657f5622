/**
 * Managing authorization rules through the engine API (Z2, Z5, Z8): commands that create, read,
 * list and delete rules of {@code bw_authorization}, and explain a decision. The rules themselves,
 * the checker and the filter compiler live in {@code io.bulwark.engine.authz}.
 */
package io.bulwark.engine.grant;
