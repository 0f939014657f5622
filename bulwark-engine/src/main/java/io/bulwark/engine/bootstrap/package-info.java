/**
 * Wires a running engine from its storage choice. {@link
 * io.bulwark.engine.bootstrap.EngineBootstrap#start} is the single internal entry point the API's
 * builder calls (allowed by name in ArchitectureTest); nothing else in the API reaches inside.
 */
package io.bulwark.engine.bootstrap;
