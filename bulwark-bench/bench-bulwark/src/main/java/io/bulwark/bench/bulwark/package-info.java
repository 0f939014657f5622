/**
 * Bulwark under test, through its public API ({@code io.bulwark.engine.api}) with its production
 * defaults (history level audit). W3 is not measured until the authorization layer exists.
 */
package io.bulwark.bench.bulwark;
