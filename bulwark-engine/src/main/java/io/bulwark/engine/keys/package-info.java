/**
 * The key set while the engine runs (D2): listing its keys and rotating to a new primary key,
 * followed by the re-encryption of e-mail addresses and, in the background, of sensitive variables.
 */
package io.bulwark.engine.keys;
