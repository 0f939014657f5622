package io.bulwark.server.rest;

import io.bulwark.engine.api.SortOrder;
import io.bulwark.engine.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The filters of one Camunda list query, from the query string of its {@code GET} form or the JSON
 * body of its {@code POST} form, read by name and type. Only the names the resource allows are
 * accepted; an unknown name, a repeated parameter or a value of the wrong type is a 400 naming the
 * field and the rule, never echoing the value (W5, W11). Sorting comes from {@code sortBy} and
 * {@code sortOrder} (GET) or Camunda's {@code sorting} array (POST), keys from the resource's
 * allowlist (E5). Not thread-safe; one per request.
 */
final class QueryInput {

  /** The paging and sorting names of the GET form. */
  static final Set<String> PAGING = Set.of("sortBy", "sortOrder", "firstResult", "maxResults");

  /** One sort key and its direction. */
  record Sorting<E>(E key, SortOrder order) {}

  private final @Nullable Map<String, String> parameters;
  private final @Nullable JsonNode body;

  private QueryInput(@Nullable Map<String, String> parameters, @Nullable JsonNode body) {
    this.parameters = parameters;
    this.body = body;
  }

  /** The query string; {@code filters} are the names the resource allows besides paging. */
  static QueryInput ofParameters(MultiValueMap<String, String> query, Set<String> filters) {
    Map<String, String> values = new HashMap<>();
    for (var entry : query.entrySet()) {
      String name = entry.getKey();
      if (!filters.contains(name) && !PAGING.contains(name)) {
        throw QueryParameterCheck.unknown(name, union(filters, PAGING));
      }
      if (entry.getValue().size() != 1) {
        throw ValidationException.of(
            name, "single", "query parameter " + name + " may be given once (W11)");
      }
      values.put(name, entry.getValue().get(0));
    }
    return new QueryInput(values, null);
  }

  /** The JSON body (null: no filter); {@code filters} are the names allowed besides sorting. */
  static QueryInput ofBody(@Nullable JsonNode body, Set<String> filters) {
    if (body == null || body.isNull()) {
      return new QueryInput(null, null);
    }
    if (!body.isObject()) {
      throw ValidationException.of("query", "object", "the query must be a JSON object");
    }
    for (String name : body.propertyNames()) {
      if (!filters.contains(name) && !"sorting".equals(name)) {
        throw QueryParameterCheck.unknown(name, union(filters, Set.of("sorting")));
      }
    }
    return new QueryInput(null, body);
  }

  @Nullable String text(String name) {
    if (parameters != null) {
      return parameters.get(name);
    }
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isString()) {
      throw wrongType(name, "string");
    }
    return value.asString();
  }

  /** A flag; absent is false. */
  boolean flag(String name) {
    if (parameters != null) {
      String text = parameters.get(name);
      if (text == null) {
        return false;
      }
      return switch (text) {
        case "true" -> true;
        case "false" -> false;
        default -> throw wrongType(name, "boolean");
      };
    }
    JsonNode value = member(name);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "boolean");
    }
    return value.asBoolean();
  }

  @Nullable Integer integer(String name) {
    if (parameters != null) {
      String text = parameters.get(name);
      if (text == null) {
        return null;
      }
      try {
        return Integer.valueOf(text);
      } catch (NumberFormatException e) {
        throw wrongType(name, "integer");
      }
    }
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "integer");
    }
    return value.asInt();
  }

  @Nullable Instant date(String name) {
    return CamundaDates.parse(name, text(name));
  }

  /** A comma-separated parameter or a JSON array of strings; null when absent. */
  @Nullable Set<String> list(String name) {
    if (parameters != null) {
      return ListParameters.list(parameters.get(name));
    }
    JsonNode value = member(name);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw wrongType(name, "array of strings");
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw wrongType(name, "array of strings");
      }
      values.add(item.asString());
    }
    return values;
  }

  /** The sort keys asked for, mapped through the allowlist {@code keys}; empty when none. */
  <E> List<Sorting<E>> sorting(Map<String, E> keys) {
    BiFunction<String, String, Sorting<E>> one =
        (by, order) -> {
          if (by == null) {
            throw ValidationException.of("sortBy", "required", "sortOrder needs a sortBy");
          }
          return new Sorting<>(ListParameters.sortKey(by, keys), ListParameters.sortOrder(order));
        };
    if (parameters != null) {
      if (!parameters.containsKey("sortBy") && !parameters.containsKey("sortOrder")) {
        return List.of();
      }
      return List.of(one.apply(parameters.get("sortBy"), parameters.get("sortOrder")));
    }
    JsonNode value = member("sorting");
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType("sorting", "array");
    }
    List<Sorting<E>> orders = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isObject()) {
        throw wrongType("sorting", "array of objects with sortBy and sortOrder");
      }
      for (String member : item.propertyNames()) {
        if (!member.equals("sortBy") && !member.equals("sortOrder")) {
          throw ValidationException.of(
              "sorting", "members", "a sorting entry has only sortBy and sortOrder");
        }
      }
      orders.add(one.apply(sortText(item, "sortBy"), sortText(item, "sortOrder")));
    }
    return orders;
  }

  /** {@code firstResult} of the GET form. */
  @Nullable Integer firstResult() {
    return parameters == null ? null : integer("firstResult");
  }

  /** {@code maxResults} of the GET form. */
  @Nullable Integer maxResults() {
    return parameters == null ? null : integer("maxResults");
  }

  private static @Nullable String sortText(JsonNode item, String name) {
    JsonNode value = item.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw wrongType(name, "string");
    }
    return value.asString();
  }

  private @Nullable JsonNode member(String name) {
    if (body == null) {
      return null;
    }
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static ValidationException wrongType(String name, String type) {
    return ValidationException.of(name, "type", name + " must be a " + type);
  }

  private static Set<String> union(Set<String> filters, Set<String> more) {
    Set<String> all = new HashSet<>(filters);
    all.addAll(more);
    return all;
  }
}
