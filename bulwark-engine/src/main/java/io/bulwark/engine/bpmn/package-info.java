/**
 * Reading BPMN 2.0 models at deployment (E1, E3, Z10): {@link io.bulwark.engine.bpmn.BpmnParser}
 * runs the hardened XML reader, validates against the bundled OMG schemas, reads the supported
 * subset into the immutable model of {@code bpmn.model} and checks its structure. Anything outside
 * the subset is rejected with the element type, its ID and its line; nothing is silently ignored
 * except presentation content (diagram, documentation, text annotations, lanes).
 */
package io.bulwark.engine.bpmn;
