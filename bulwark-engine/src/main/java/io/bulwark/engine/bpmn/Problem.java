package io.bulwark.engine.bpmn;

/**
 * One thing wrong with a model. {@code elementId} is null when the element has none (or the problem
 * concerns the whole document); {@code line} is 0 when unknown.
 */
public record Problem(String elementId, int line, String message) {

  @Override
  public String toString() {
    return (elementId == null ? "" : "'" + elementId + "' ")
        + (line > 0 ? "(line " + line + "): " : ": ")
        + message;
  }
}
