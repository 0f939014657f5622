package io.bulwark.server.engine;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Doctor check Z10 (deployments are code): lists the Java delegates of Camunda models that run as
 * external tasks ({@code bulwark.service-tasks.delegate-topics}). PASS without mappings; WARN with
 * them, naming each, since a model naming a mapped class now deploys and hands its variables to
 * whichever worker fetches the topic; FAIL for a mapping that names no topic a worker could fetch.
 */
public final class Z10DelegateTopicsCheck implements LocalCheck {

  private final Map<String, String> mappings;

  public Z10DelegateTopicsCheck(DelegateTopicsProperties properties) {
    this.mappings = properties.mappings();
  }

  @Override
  public String id() {
    return "Z10";
  }

  @Override
  public Finding run() {
    if (mappings.isEmpty()) {
      return Finding.pass(
          id(), "no Java delegate is mapped to an external task topic; class references refused");
    }
    String bad =
        mappings.entrySet().stream()
            .filter(e -> !e.getValue().matches("[\\w.:/-]{1,255}"))
            .map(Map.Entry::getKey)
            .collect(Collectors.joining(", "));
    if (!bad.isEmpty()) {
      return Finding.fail(
          id(),
          "delegate topic mappings without a valid topic: " + bad,
          "give each bulwark.service-tasks.delegate-topics entry a topic of letters, digits,"
              + " '.', ':', '/', '-' or '_'");
    }
    return Finding.warn(
        id(),
        "Java delegates run as external tasks: "
            + mappings.entrySet().stream()
                .map(e -> e.getKey() + " -> topic " + e.getValue())
                .collect(Collectors.joining(", ")),
        "grant these topics only to the workers that replace the delegates");
  }
}
