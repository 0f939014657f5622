package io.bulwark.engine.bpmn;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a model. {@code resource} is the deployment resource (file) name, null while
 * one document is read on its own; {@code elementId} is null when the element has none (or the
 * problem concerns the whole document); {@code line} is 0 when unknown.
 */
public record Problem(
    @Nullable String resource, @Nullable String elementId, int line, String message) {

  /** A problem of the document being read; the deployment adds the resource name. */
  public Problem(@Nullable String elementId, int line, String message) {
    this(null, elementId, line, message);
  }

  /** The same problem, named as a problem of {@code resourceName}. */
  public Problem inResource(String resourceName) {
    return new Problem(resourceName, elementId, line, message);
  }

  @Override
  public String toString() {
    return (resource == null ? "" : resource + " ")
        + (elementId == null ? "" : "'" + elementId + "' ")
        + (line > 0 ? "(line " + line + "): " : ": ")
        + message;
  }
}
