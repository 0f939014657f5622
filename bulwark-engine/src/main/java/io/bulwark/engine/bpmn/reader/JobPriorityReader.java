package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code camunda:jobPriority} of a process or flow node: a whole number (a Java {@code long},
 * as in Camunda 7). Expressions are refused for now, with a message that says so.
 */
final class JobPriorityReader {

  static final String ATTRIBUTE = "jobPriority";

  private JobPriorityReader() {}

  /** The priority, or null when absent or refused (the problem is recorded). */
  static @Nullable Long read(XmlElement element, ReadContext ctx) {
    String value = element.attribute(Namespaces.CAMUNDA, ATTRIBUTE);
    if (value == null) {
      return null;
    }
    String text = value.strip();
    if (text.contains("${") || text.contains("#{")) {
      ctx.problem(
          element,
          "camunda:jobPriority '"
              + value
              + "' on "
              + element.displayName()
              + " is an expression; only a whole number is supported yet");
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      ctx.problem(
          element,
          "camunda:jobPriority '"
              + value
              + "' on "
              + element.displayName()
              + " is not a whole number between "
              + Long.MIN_VALUE
              + " and "
              + Long.MAX_VALUE);
      return null;
    }
  }
}
