/**
 * One reader per BPMN element type, registered in {@link
 * io.bulwark.engine.bpmn.reader.ReaderRegistry}, turning the hardened XML tree into the immutable
 * model, plus the structure checks of {@link io.bulwark.engine.bpmn.reader.StructureValidator}.
 * Readers never throw for a bad model: they record a problem and go on, so a deployment reports
 * every problem at once.
 */
package io.bulwark.engine.bpmn.reader;
