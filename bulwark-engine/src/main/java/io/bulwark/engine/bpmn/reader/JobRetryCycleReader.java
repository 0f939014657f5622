package io.bulwark.engine.bpmn.reader;

import io.bulwark.engine.bpmn.model.IsoDuration;
import io.bulwark.engine.bpmn.model.JobRetryCycle;
import io.bulwark.engine.bpmn.model.TimerSpec;
import io.bulwark.engine.bpmn.model.TimerType;
import io.bulwark.engine.bpmn.xml.Namespaces;
import io.bulwark.engine.bpmn.xml.XmlElement;
import java.time.DateTimeException;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code camunda:failedJobRetryTimeCycle} (also in the old {@code fox} namespace, as Camunda
 * 7 reads it) of a flow node: a bounded ISO 8601 repeating interval {@code R5/PT5M}. Unbounded
 * cycles ({@code R/PT5M}, E8), start dates, cron, interval lists and expressions are refused.
 */
final class JobRetryCycleReader {

  static final String ELEMENT = "failedJobRetryTimeCycle";

  /** The namespace of camunda fox, Camunda 7's predecessor, whose element Camunda still reads. */
  static final String FOX = "http://www.camunda.com/fox";

  /** At most this many retries (E8), far above any real model's. */
  static final int MAX_RETRIES = 100;

  private JobRetryCycleReader() {}

  /** Whether {@code ext} is a retry cycle extension element. */
  static boolean isRetryCycle(XmlElement ext) {
    return ext.localName().equals(ELEMENT)
        && (ext.namespace().equals(Namespaces.CAMUNDA) || ext.namespace().equals(FOX));
  }

  /** The node's cycle, or null when absent or refused (the problem is recorded). */
  static @Nullable JobRetryCycle read(XmlElement element, ReadContext ctx) {
    XmlElement container = element.child(Namespaces.BPMN, "extensionElements");
    if (container == null) {
      return null;
    }
    for (XmlElement ext : container.children()) {
      if (isRetryCycle(ext)) {
        return parse(element, ext, ctx);
      }
    }
    return null;
  }

  private static @Nullable JobRetryCycle parse(
      XmlElement element, XmlElement ext, ReadContext ctx) {
    String text = ext.text().strip();
    String rule =
        "failedJobRetryTimeCycle '"
            + text
            + "' on "
            + element.displayName()
            + " must be a repeating interval like R5/PT5M with 1 to "
            + MAX_RETRIES
            + " retries";
    if (!text.startsWith("R") || text.contains("${") || text.contains("#{")) {
      ctx.problem(element.id(), ext, rule);
      return null;
    }
    try {
      if (TimerSpec.parse(TimerType.CYCLE, text) instanceof TimerSpec.Cycle cycle
          && cycle.start() == null
          && cycle.repetitions() >= 1
          && cycle.repetitions() <= MAX_RETRIES
          && cycle.interval() instanceof IsoDuration delay) {
        return new JobRetryCycle(cycle.repetitions(), delay);
      }
    } catch (DateTimeException e) {
      ctx.problem(element.id(), ext, rule + ": " + e.getMessage());
      return null;
    }
    ctx.problem(element.id(), ext, rule);
    return null;
  }
}
