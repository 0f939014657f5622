package io.bulwark.engine.dmn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.jspecify.annotations.Nullable;

/**
 * {@code camunda:mapDecisionResult}: how a decision result becomes the value of the result
 * variable, as in Camunda 7 (singleEntry, singleResult, collectEntries, resultList).
 */
final class DecisionResults {

  private DecisionResults() {}

  static @Nullable Object map(DmnDecisionResult result, String mapping) {
    return switch (mapping) {
      case "singleEntry" -> singleEntry(result);
      case "singleResult" -> result.isEmpty() ? null : copy(single(result));
      case "collectEntries" -> collectEntries(result);
      default -> result.getResultList().stream().map(DecisionResults::copy).toList();
    };
  }

  private static @Nullable Object singleEntry(DmnDecisionResult result) {
    if (result.isEmpty()) {
      return null;
    }
    DmnDecisionResultEntries entries = single(result);
    if (entries.size() > 1) {
      throw new DecisionException(
          "mapDecisionResult singleEntry needs one output, the result has " + entries.keySet());
    }
    return entries.getSingleEntry();
  }

  private static DmnDecisionResultEntries single(DmnDecisionResult result) {
    if (result.size() > 1) {
      throw new DecisionException(
          "the decision matched " + result.size() + " rules; the mapping needs exactly one");
    }
    return result.getFirstResult();
  }

  private static List<Object> collectEntries(DmnDecisionResult result) {
    List<Object> values = new ArrayList<>();
    for (DmnDecisionResultEntries entries : result) {
      if (entries.size() > 1) {
        throw new DecisionException(
            "mapDecisionResult collectEntries needs one output, the result has "
                + entries.keySet());
      }
      values.add(entries.getSingleEntry());
    }
    return values;
  }

  private static Map<String, Object> copy(Map<String, Object> entries) {
    return new LinkedHashMap<>(entries);
  }
}
