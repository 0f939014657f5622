package io.bulwark.engine.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Camunda 7 test models whose own JUnit test (in camunda/camunda-bpm-platform) expects the
 * deployment to fail, read from {@value #RESOURCE} beside this class: one line per model with its
 * path below the corpus, the Camunda test ({@code Class#method}) and what that test asserts,
 * separated by tabs; blank lines and lines starting with {@code #} are comments. Every line was
 * checked against the test's text. Such a model is rejected for a reason Camunda shares, not for an
 * element left for later; one that Bulwark deploys is a leniency Camunda does not have.
 */
final class CamundaExpectedFailures {

  static final String RESOURCE = "camunda-expects-failure.tsv";

  /** One listed model: its path below the corpus, the Camunda test, and what it asserts. */
  record Expectation(String path, String camundaTest, String assertion) {}

  private final SortedMap<String, Expectation> byPath;

  private CamundaExpectedFailures(Map<String, Expectation> byPath) {
    this.byPath = Collections.unmodifiableSortedMap(new TreeMap<>(byPath));
  }

  /** The list shipped with the tests. */
  static CamundaExpectedFailures load() {
    try (InputStream in = CamundaExpectedFailures.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing beside " + CamundaExpectedFailures.class);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the list; a malformed or repeated line fails with its line number and the rule. */
  static CamundaExpectedFailures parse(String text) {
    Map<String, Expectation> byPath = new TreeMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Expectation expectation = expectation(line, i + 1);
      if (byPath.putIfAbsent(expectation.path(), expectation) != null) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + (i + 1) + ": " + expectation.path() + " is listed twice");
      }
    }
    return new CamundaExpectedFailures(byPath);
  }

  private static Expectation expectation(String line, int number) {
    String[] fields = line.split("\t", -1);
    if (fields.length != 3 || List.of(fields).stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          RESOURCE
              + " line "
              + number
              + ": needs three non-empty tab-separated fields (model path, Camunda test"
              + " Class#method, what it asserts), found "
              + fields.length);
    }
    if (!fields[1].matches("[A-Za-z0-9_]+#[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException(
          RESOURCE + " line " + number + ": Camunda test must read Class#method, not " + fields[1]);
    }
    return new Expectation(fields[0].strip(), fields[1], fields[2].strip());
  }

  /** What Camunda's test expects of the model at this path, or empty when it is not listed. */
  Optional<Expectation> find(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The listed model paths, sorted. */
  Set<String> paths() {
    return byPath.keySet();
  }
}
