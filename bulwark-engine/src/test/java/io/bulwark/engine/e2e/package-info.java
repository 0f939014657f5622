/** End-to-end tests that use only the public API: {@code BulwarkEngine.builder()} and services. */
package io.bulwark.engine.e2e;
