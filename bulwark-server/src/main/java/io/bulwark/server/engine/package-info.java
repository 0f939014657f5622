/**
 * The engine inside the server: the {@code BulwarkEngine} bean built from {@code bulwark.data-dir}
 * or {@code bulwark.database.*} (D3), the first-administrator bootstrap (A2), and their doctor
 * checks. Uses only the engine's public API.
 */
package io.bulwark.server.engine;
