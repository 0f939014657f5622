package io.bulwark.engine.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts of outcomes by folder, the rejection reasons grouped, and one line per model; the models
 * whose Camunda test expects the deployment to fail ({@link CamundaExpectedFailures}) are marked
 * and counted apart from the rejections left for later.
 */
final class ConformanceReport {

  /** Follows the outcome of a model whose own Camunda test expects the deployment to fail. */
  static final String EXPECTED_MARK = " (Camunda expects failure)";

  private final List<Outcome> outcomes;
  private final CamundaExpectedFailures expected;

  ConformanceReport(List<Outcome> outcomes, CamundaExpectedFailures expected) {
    this.outcomes = List.copyOf(outcomes);
    this.expected = expected;
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

  /** Code-free models in scope that were rejected (not deployed, not refused by policy). */
  long rejectedCodeFree() {
    return outcomes.stream().filter(o -> codeFreeInScope(o) && isRejected(o)).count();
  }

  /** Of {@link #rejectedCodeFree()}, those whose Camunda test expects the deployment to fail. */
  long rejectedCodeFreeAsCamundaExpects() {
    return outcomes.stream()
        .filter(o -> codeFreeInScope(o) && isRejected(o) && expectedToFail(o))
        .count();
  }

  /**
   * The most code-free models in scope that could ever deploy: all but those refused by policy (E2,
   * E3, Z10) and those rejected as Camunda's own tests expect.
   */
  long deployableCodeFreeAtMost() {
    return withoutCodeFound() - rejectedCodeFreeAsCamundaExpects();
  }

  /**
   * Code-free models in scope in which Bulwark's reader finds no code either: the corpus's markers
   * miss unprefixed {@code class=} and {@code expression=} in listeners and field injections,
   * expressions that call Java, delegated variable mappings and scripts in {@code
   * camunda:resource}; those models are refused by policy (E2, E3, Z10) and left out here.
   */
  long withoutCodeFound() {
    long refused =
        outcomes.stream()
            .filter(o -> codeFreeInScope(o) && o.kind() == Outcome.Kind.REFUSED_BY_POLICY)
            .count();
    return codeFree() - refused;
  }

  /** Listed models that deployed: Bulwark accepts what Camunda refuses. Must stay empty. */
  List<String> deployedButCamundaExpectsFailure() {
    return outcomes.stream()
        .filter(o -> o.kind() == Outcome.Kind.DEPLOYED && expectedToFail(o))
        .map(o -> o.model().path())
        .toList();
  }

  /** Listed paths that name no model of the corpus (a typo or a stale line). Must stay empty. */
  List<String> listedButAbsent() {
    Set<String> present = outcomes.stream().map(o -> o.model().path()).collect(Collectors.toSet());
    return expected.paths().stream().filter(p -> !present.contains(p)).toList();
  }

  private static boolean isRejected(Outcome o) {
    return o.kind() == Outcome.Kind.REJECTED;
  }

  private boolean expectedToFail(Outcome o) {
    return expected.find(o.model().path()).isPresent();
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
    out.append(
        String.format(
            Locale.ROOT,
            "of those, models in which no code is found (policy refusals left out): %d of %d"
                + " (%.1f %%)%n",
            deployedCodeFree(),
            withoutCodeFound(),
            100.0 * deployedCodeFree() / Math.max(1, withoutCodeFound())));
    out.append(
        String.format(
            Locale.ROOT,
            "code-free models rejected: %d, of which Camunda's own tests expect %d to fail (%s)%n",
            rejectedCodeFree(),
            rejectedCodeFreeAsCamundaExpects(),
            CamundaExpectedFailures.RESOURCE));
    out.append(
        String.format(
            Locale.ROOT,
            "at most %d of %d (%.1f %%) can deploy: policy refusals and expected failures"
                + " excluded (%.1f %% of the models in which no code is found)%n",
            deployableCodeFreeAtMost(),
            codeFree(),
            100.0 * deployableCodeFreeAtMost() / Math.max(1, codeFree()),
            100.0 * deployableCodeFreeAtMost() / Math.max(1, withoutCodeFound())));
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
   * Why code-free models are not deployed, leaving out the rejections Camunda's tests expect: each
   * reason with IDs, names and numbers blanked out, counted once per model, most frequent first.
   */
  String reasons(int limit) {
    Map<String, Long> counts = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (!codeFreeInScope(o) || o.kind() == Outcome.Kind.DEPLOYED || expectedToFail(o)) {
        continue;
      }
      o.reasons().stream()
          .map(ConformanceReport::normalize)
          .distinct()
          .forEach(r -> counts.merge(r, 1L, Long::sum));
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    StringBuilder out =
        new StringBuilder(
            "models  reason (code-free models not deployed; those Camunda expects to fail left"
                + " out)\n");
    sorted.stream()
        .limit(limit)
        .forEach(
            e -> out.append(String.format(Locale.ROOT, "%6d  %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  /**
   * One line per model: outcome (marked when Camunda's test expects failure), path, reasons, and
   * what the Camunda test asserts.
   */
  String details() {
    StringBuilder out = new StringBuilder();
    for (Outcome o : outcomes) {
      Optional<CamundaExpectedFailures.Expectation> expectation = expected.find(o.model().path());
      out.append(o.kind())
          .append(expectation.isPresent() ? EXPECTED_MARK : "")
          .append(o.model().codeFree() ? "  " : " (code) ")
          .append(o.model().path());
      for (String reason : o.reasons()) {
        out.append("\n    ").append(reason.replace('\n', ' '));
      }
      expectation.ifPresent(
          e ->
              out.append("\n    Camunda's ")
                  .append(e.camundaTest())
                  .append(": ")
                  .append(e.assertion()));
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
