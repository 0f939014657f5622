/**
 * The public Java API of the Bulwark engine: what an embedding application and the server call.
 * Everything outside this package and {@code api.spi} is internal and may change.
 */
package io.bulwark.engine.api;
