package io.bulwark.bench.rest;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The JSON file of a run ({@code --json}): its settings and every row, per database. */
final class RestReport {

  private RestReport() {}

  static String json(
      String mode, Instant started, List<String> servers, Map<String, List<RowResult>> byDb) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("workload", "rest");
    report.put("mode", mode);
    report.put("started", started.toString());
    report.put("finished", Instant.now().toString());
    report.put("servers", servers);
    report.put("processors", Runtime.getRuntime().availableProcessors());
    report.put(
        "loadAverageAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    report.put("databases", byDb);
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report)
        + "\n";
  }
}
