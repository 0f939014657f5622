/**
 * Extension points of the engine that an embedding application may implement. Empty for now; the
 * password encoder, identity provider and password policy plug in here later (A3, A4, A8).
 */
package io.bulwark.engine.api.spi;
