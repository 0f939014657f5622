package io.bulwark.bench.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table: one line per row, each server and credential kind as rate, median and p99, then the
 * Bulwark/Camunda rate ratios (Camunda measured with Basic, its only kind here).
 */
final class RestTable {

  private RestTable() {}

  static String markdown(List<RowResult> results) {
    Map<String, List<RowResult>> byRow = new LinkedHashMap<>();
    for (RowResult result : results) {
      byRow
          .computeIfAbsent(result.row() + " (" + result.unit() + ")", k -> new ArrayList<>())
          .add(result);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "| row | Bulwark Basic: rate, median / p99 ms | Bulwark bearer | Camunda Basic"
            + " | ratio Basic | ratio bearer |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<RowResult>> row : byRow.entrySet()) {
      Optional<RowResult> basic = find(row.getValue(), "Bulwark", "Basic");
      Optional<RowResult> bearer = find(row.getValue(), "Bulwark", "bearer");
      Optional<RowResult> camunda = find(row.getValue(), "Camunda", "Basic");
      out.append("| ")
          .append(row.getKey())
          .append(" | ")
          .append(cell(basic))
          .append(" | ")
          .append(cell(bearer))
          .append(" | ")
          .append(cell(camunda))
          .append(" | ")
          .append(ratio(basic, camunda))
          .append(" | ")
          .append(ratio(bearer, camunda))
          .append(" |\n");
    }
    for (RowResult result : results) {
      if (result.errors() > 0) {
        out.append(
            String.format(
                Locale.ROOT,
                "%s %s %s: %d errors, first: %s%n",
                result.server(),
                result.auth(),
                result.row(),
                result.errors(),
                result.firstError()));
      }
    }
    return out.toString();
  }

  static String line(RowResult result) {
    return String.format(
        Locale.ROOT,
        "%-30s %-8s %-7s %s (%d measured, %d errors)",
        result.row(),
        result.server(),
        result.auth(),
        cell(Optional.of(result)),
        result.count(),
        result.errors());
  }

  private static Optional<RowResult> find(List<RowResult> results, String server, String auth) {
    return results.stream()
        .filter(r -> r.server().equals(server) && r.auth().equals(auth))
        .findFirst();
  }

  private static String cell(Optional<RowResult> result) {
    return result
        .map(
            r ->
                String.format(
                    Locale.ROOT, "%.1f/s, %.1f / %.1f ms", r.rate(), r.medianMs(), r.p99Ms()))
        .orElse("-");
  }

  private static String ratio(Optional<RowResult> bulwark, Optional<RowResult> camunda) {
    if (bulwark.isEmpty() || camunda.isEmpty() || camunda.get().rate() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", bulwark.get().rate() / camunda.get().rate());
  }
}
