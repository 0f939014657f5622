package io.bulwark.engine.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Counts of outcomes by folder, the rejection reasons grouped, and one line per model. */
final class ConformanceReport {

  private final List<Outcome> outcomes;

  ConformanceReport(List<Outcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
  }

  /** Code-free models in scope: the denominator of the share deployed. */
  long codeFree() {
    return outcomes.stream().filter(ConformanceReport::codeFreeInScope).count();
  }

  private static boolean codeFreeInScope(Outcome o) {
    return o.model().codeFree() && o.kind() != Outcome.Kind.OUT_OF_SCOPE;
  }

  long deployedCodeFree() {
    return outcomes.stream()
        .filter(o -> o.model().codeFree() && o.kind() == Outcome.Kind.DEPLOYED)
        .count();
  }

  /** Paths of models whose deployment crashed instead of reporting problems: must stay empty. */
  List<String> crashed() {
    return outcomes.stream()
        .filter(o -> o.reasons().stream().anyMatch(r -> r.startsWith(Outcome.CRASH)))
        .map(o -> o.model().path() + ": " + o.reasons())
        .toList();
  }

  /** Models that need code (not code-free) and still deployed: must stay empty. */
  List<Outcome> deployedWithCode() {
    return outcomes.stream()
        .filter(o -> !o.model().codeFree() && o.kind() == Outcome.Kind.DEPLOYED)
        .toList();
  }

  String table() {
    Map<String, List<Outcome>> byFolder =
        outcomes.stream()
            .collect(Collectors.groupingBy(o -> o.model().folder(), TreeMap::new, toList()));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-28s %6s %9s %9s %8s %8s %8s%n",
            "folder",
            "models",
            "code-free",
            "deployed",
            "policy",
            "no-scope",
            "rejected"));
    byFolder.forEach((folder, list) -> out.append(row(folder, list)));
    out.append(row("all", outcomes));
    out.append(
        String.format(
            Locale.ROOT,
            "code-free models in scope deployed: %d of %d (%.1f %%); no-scope: CMMN cases,"
                + " not counted%n",
            deployedCodeFree(),
            codeFree(),
            100.0 * deployedCodeFree() / Math.max(1, codeFree())));
    return out.toString();
  }

  private static String row(String folder, List<Outcome> list) {
    return String.format(
        Locale.ROOT,
        "%-28s %6d %9d %9s %8d %8d %8d%n",
        folder,
        list.size(),
        list.stream().filter(ConformanceReport::codeFreeInScope).count(),
        count(list, Outcome.Kind.DEPLOYED, true) + "/" + count(list, Outcome.Kind.DEPLOYED, false),
        count(list, Outcome.Kind.REFUSED_BY_POLICY, false),
        count(list, Outcome.Kind.OUT_OF_SCOPE, false),
        count(list, Outcome.Kind.REJECTED, false));
  }

  private static long count(List<Outcome> list, Outcome.Kind kind, boolean onlyCodeFree) {
    return list.stream()
        .filter(o -> o.kind() == kind && (!onlyCodeFree || o.model().codeFree()))
        .count();
  }

  /**
   * Why code-free models are not deployed: each reason with IDs, names and numbers blanked out,
   * counted once per model, most frequent first.
   */
  String reasons(int limit) {
    Map<String, Long> counts = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (!codeFreeInScope(o) || o.kind() == Outcome.Kind.DEPLOYED) {
        continue;
      }
      o.reasons().stream()
          .map(ConformanceReport::normalize)
          .distinct()
          .forEach(r -> counts.merge(r, 1L, Long::sum));
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    StringBuilder out = new StringBuilder("models  reason (code-free models not deployed)\n");
    sorted.stream()
        .limit(limit)
        .forEach(
            e -> out.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  /** One line per model: outcome, path, reasons. */
  String details() {
    StringBuilder out = new StringBuilder();
    for (Outcome o : outcomes) {
      out.append(o.kind())
          .append(o.model().codeFree() ? "  " : " (code) ")
          .append(o.model().path());
      for (String reason : o.reasons()) {
        out.append("\n    ").append(reason.replace('\n', ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String normalize(String reason) {
    String first = reason.lines().findFirst().orElse("");
    return first
        .replaceAll("'[^']*'", "'…'")
        .replaceAll("\"[^\"]*\"", "\"…\"")
        .replaceAll("\\d+", "#");
  }

  private static <T> java.util.stream.Collector<T, ?, List<T>> toList() {
    return Collectors.mapping(Function.identity(), Collectors.toList());
  }
}
