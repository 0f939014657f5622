package io.bulwark.server.rest;

import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.ValidationException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The paging and sorting parameters Camunda's list resources share, checked before the engine sees
 * them: {@code sortBy} from the resource's list, {@code sortOrder} {@code asc} or {@code desc},
 * {@code firstResult} from 0 (default 0), {@code maxResults} 1..2000 (W8). Without {@code
 * maxResults} a list answers up to 2000 items and refuses a larger one instead of cutting it.
 */
public final class ListParameters {

  /** The largest page and the answer size without {@code maxResults} (W8). */
  public static final int MAX_RESULTS = 2000;

  private ListParameters() {}

  /**
   * The engine's sort key for Camunda's {@code sortBy} name, {@code byDefault} when none was given.
   */
  public static <E> E sortBy(@Nullable String sortBy, Map<String, E> keys, E byDefault) {
    return sortBy == null ? byDefault : sortKey(sortBy, keys);
  }

  /**
   * The engine's sort key for Camunda's {@code sortBy} name; 400 for a name not in {@code keys}.
   */
  public static <E> E sortKey(String sortBy, Map<String, E> keys) {
    E key = keys.get(sortBy);
    if (key == null) {
      throw ValidationException.of(
          "sortBy",
          "allowed-values",
          "sortBy must be one of " + keys.keySet().stream().sorted().toList());
    }
    return key;
  }

  public static SortOrder sortOrder(@Nullable String sortOrder) {
    if (sortOrder == null) {
      return SortOrder.ASC;
    }
    return switch (sortOrder.toLowerCase(Locale.ROOT)) {
      case "asc" -> SortOrder.ASC;
      case "desc" -> SortOrder.DESC;
      default ->
          throw ValidationException.of(
              "sortOrder", "allowed-values", "sortOrder must be asc or desc");
    };
  }

  public static int firstResult(@Nullable Integer firstResult) {
    return firstResult == null ? 0 : firstResult;
  }

  public static int maxResults(@Nullable Integer maxResults) {
    return maxResults == null ? MAX_RESULTS : maxResults;
  }

  /**
   * Refuses an answer cut short: without {@code maxResults}, more than {@value #MAX_RESULTS} items
   * from {@code firstResult} on are an unbounded request (W8).
   */
  public static void requireComplete(@Nullable Integer maxResults, int firstResult, long total) {
    if (maxResults == null && total - firstResult > MAX_RESULTS) {
      throw ValidationException.of(
          "maxResults",
          "required",
          "more than "
              + MAX_RESULTS
              + " items match; page through them with firstResult and maxResults (W8)");
    }
  }

  /** Camunda's comma-separated {@code …In} lists; null when the parameter is absent. */
  public static @Nullable Set<String> list(@Nullable String commaSeparated) {
    if (commaSeparated == null) {
      return null;
    }
    Set<String> values = new LinkedHashSet<>();
    Arrays.stream(commaSeparated.split(",", -1)).map(String::strip).forEach(values::add);
    return values;
  }
}
