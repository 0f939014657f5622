/**
 * Flowable under test: a standalone process engine with its documented defaults (history level as
 * the engine sets it, async executor off except for W4, where the completion of an external worker
 * job continues asynchronously). Flowable has no authorization layer: W3 is its candidate-group
 * query.
 */
package io.bulwark.bench.flowable;
