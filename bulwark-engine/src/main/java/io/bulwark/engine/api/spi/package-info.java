/**
 * Extension points of the engine that an embedding application may implement: Java delegates for
 * service tasks (Z10) and the password policy (A4). The identity provider plugs in here later (A8).
 */
package io.bulwark.engine.api.spi;
