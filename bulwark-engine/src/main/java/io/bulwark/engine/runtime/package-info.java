/**
 * The process engine core: the execution tree of an instance, an agenda of named operations and one
 * behaviour per BPMN element type. A command locks the instance's root row, loads its executions
 * with one query, plans operations and registers every change in its unit of work, so a step costs
 * no per-step SELECTs and a failure leaves nothing written. Internal: used by the feature packages
 * (deployment, instance, task) and by the job executor through {@link
 * io.bulwark.engine.runtime.ProcessRuntime}.
 */
package io.bulwark.engine.runtime;
