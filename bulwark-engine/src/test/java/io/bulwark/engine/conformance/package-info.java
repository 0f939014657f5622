/**
 * Conformance with Camunda 7: deploys the BPMN models of Camunda 7's own test suite, read in place
 * from {@code ../shared/conformance/camunda7} beside the repository, and holds the share of
 * code-free models that deploy to the level reached (a ratchet).
 */
package io.bulwark.engine.conformance;
