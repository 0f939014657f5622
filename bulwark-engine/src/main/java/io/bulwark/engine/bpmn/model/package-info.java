/**
 * The immutable model of a deployed process (records and unmodifiable collections), built by the
 * readers in {@code bpmn.reader} and walked by the runtime. Nodes refer to each other by ID; {@link
 * io.bulwark.engine.bpmn.model.ProcessModel} holds the indexes an executor needs (outgoing and
 * incoming flows, boundary events, children of a scope, start events). Expressions are already
 * compiled and checked (E2); timers are already parsed (ISO 8601).
 */
package io.bulwark.engine.bpmn.model;
