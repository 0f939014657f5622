package io.bulwark.server.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service tasks of Camunda models whose Java delegate becomes an external task (issue 16), bound
 * from {@code bulwark.service-tasks.delegate-topics}: a list of {@code delegate=topic}, where
 * {@code delegate} is a {@code camunda:class} name or the bean name of a {@code
 * camunda:delegateExpression="${bean}"}. Default empty: every such task is refused (Z10). A mapped
 * model deploys unchanged and workers outside the server do its work; {@code doctor} lists the
 * mappings ({@link Z10DelegateTopicsCheck}).
 *
 * @param delegateTopics the mappings, e.g. {@code com.acme.ArchiveService=archive}
 */
@ConfigurationProperties("bulwark.service-tasks")
public record DelegateTopicsProperties(List<String> delegateTopics) {

  public DelegateTopicsProperties {
    delegateTopics = delegateTopics == null ? List.of() : List.copyOf(delegateTopics);
    mappings(delegateTopics);
  }

  /** The mappings, delegate to topic, in the order written. */
  public Map<String, String> mappings() {
    return mappings(delegateTopics);
  }

  private static Map<String, String> mappings(List<String> entries) {
    Map<String, String> mappings = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.lastIndexOf('=');
      if (equals <= 0 || equals == entry.length() - 1) {
        throw new IllegalArgumentException(
            "invalid bulwark.service-tasks.delegate-topics entry '"
                + entry
                + "'; write delegate=topic, e.g. com.acme.ArchiveService=archive");
      }
      mappings.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return mappings;
  }
}
