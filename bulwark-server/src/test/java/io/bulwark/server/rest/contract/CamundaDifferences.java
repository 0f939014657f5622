package io.bulwark.server.rest.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliberate differences between Bulwark's integration API and Camunda 7's OpenAPI document,
 * read from {@code camunda-differences.json} beside this class: the one list that {@link
 * CamundaOpenApi} tolerates and the README shows.
 */
public record CamundaDifferences(List<Difference> differences) {

  static final String FILE = "camunda-differences.json";

  /** The kinds of difference; see the file's {@code about}. */
  public enum Kind {
    PROBLEM_DETAILS,
    STATUSES,
    PROPERTIES,
    OPERATIONS,
    BEHAVIOUR;

    static Kind of(String name) {
      return valueOf(name.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * One difference. Only the members of its kind are set: {@code statuses} for STATUSES, {@code
   * schema} and {@code properties} (name to JSON type) for PROPERTIES, {@code operations} ({@code
   * "METHOD /camunda/path/{var}"}) for OPERATIONS.
   */
  public record Difference(
      String id,
      Kind kind,
      String reason,
      List<Integer> statuses,
      String schema,
      Map<String, String> properties,
      List<String> operations) {}

  public static CamundaDifferences load() {
    try (InputStream in = CamundaDifferences.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing beside " + CamundaDifferences.class);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<Difference> result = new ArrayList<>();
      for (JsonNode node : root.get("differences")) {
        result.add(difference(node));
      }
      return new CamundaDifferences(List.copyOf(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Difference difference(JsonNode node) {
    List<Integer> statuses = new ArrayList<>();
    node.path("statuses").forEach(status -> statuses.add(status.asInt()));
    Map<String, String> properties = new LinkedHashMap<>();
    node.path("properties")
        .properties()
        .forEach(entry -> properties.put(entry.getKey(), entry.getValue().asString()));
    List<String> operations = new ArrayList<>();
    node.path("operations").forEach(operation -> operations.add(operation.asString()));
    String reason = node.path("reason").asString("");
    if (reason.isBlank()) {
      throw new IllegalStateException("difference " + node.path("id") + " gives no reason");
    }
    return new Difference(
        node.get("id").asString(),
        Kind.of(node.get("kind").asString()),
        reason,
        List.copyOf(statuses),
        node.path("schema").asString(null),
        java.util.Collections.unmodifiableMap(properties),
        List.copyOf(operations));
  }

  public List<Difference> ofKind(Kind kind) {
    return differences.stream().filter(d -> d.kind() == kind).toList();
  }

  /** The README's list: one bullet per difference, its id in bold and its reason. */
  public String readmeList() {
    StringBuilder text = new StringBuilder();
    for (Difference difference : differences) {
      text.append("- **").append(difference.id()).append("**");
      if (!difference.operations().isEmpty()) {
        text.append(" (`").append(String.join("`, `", difference.operations())).append("`)");
      }
      if (!difference.properties().isEmpty()) {
        text.append(" (`")
            .append(difference.schema())
            .append("` + `")
            .append(String.join("`, `", difference.properties().keySet()))
            .append("`)");
      }
      if (!difference.statuses().isEmpty()) {
        text.append(" (")
            .append(String.join(", ", difference.statuses().stream().map(String::valueOf).toList()))
            .append(")");
      }
      text.append(": ").append(difference.reason()).append('\n');
    }
    return text.toString();
  }
}
