/**
 * Hardened XML reading (E1): StAX from the JDK with DTDs refused, no external access, limits on
 * size, depth and attributes, and validation against the bundled OMG BPMN 2.0 schemas by a schema
 * factory that can load nothing but those files. Produces a small immutable element tree that keeps
 * the line of every element.
 */
package io.bulwark.engine.bpmn.xml;
