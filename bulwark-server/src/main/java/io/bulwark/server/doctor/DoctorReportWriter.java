package io.bulwark.server.doctor;

import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link DoctorReport} as a table for people or as JSON for machines (O1). The JSON shape
 * is stable: {@code {"mode", "findings": [{"id", "status", "message", "fix"}], "profile",
 * "summary": {"pass", "warn", "not_implemented", "fail", "failing_in_profile"}}}; statuses are
 * {@code PASS}, {@code WARN}, {@code NOT-IMPLEMENTED} and {@code FAIL}.
 */
public final class DoctorReportWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DoctorReportWriter() {}

  /** The report as one JSON object. */
  public static String json(DoctorReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("mode", report.mode());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode node = findings.addObject();
      node.put("id", f.checkId());
      node.put("status", f.status().label());
      node.put("message", f.message());
      node.put("fix", f.fix());
    }
    root.put("profile", report.profile().name().toLowerCase(Locale.ROOT));
    ObjectNode summary = root.putObject("summary");
    summary.put("pass", report.count(CheckStatus.PASS));
    summary.put("warn", report.count(CheckStatus.WARN));
    summary.put("not_implemented", report.count(CheckStatus.NOT_IMPLEMENTED));
    summary.put("fail", report.count(CheckStatus.FAIL));
    summary.put("failing_in_profile", report.failures().size());
    return JSON.writeValueAsString(root);
  }

  /** The report as a table: one line per finding, the fix indented below a WARN or FAIL. */
  public static String table(DoctorReport report) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Bulwark doctor (%s mode, profile %s)%n",
            report.mode(),
            report.profile().name().toLowerCase(Locale.ROOT)));
    out.append(String.format(Locale.ROOT, "%-15s %-4s %s%n", "STATUS", "ID", "MESSAGE"));
    for (Finding f : report.findings()) {
      out.append(
          String.format(
              Locale.ROOT, "%-15s %-4s %s%n", f.status().label(), f.checkId(), f.message()));
      if (!f.fix().isEmpty()) {
        out.append("                     fix: ").append(f.fix()).append(nl);
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d PASS, %d WARN, %d NOT-IMPLEMENTED, %d FAIL; %d failing in profile %s%n",
            report.count(CheckStatus.PASS),
            report.count(CheckStatus.WARN),
            report.count(CheckStatus.NOT_IMPLEMENTED),
            report.count(CheckStatus.FAIL),
            report.failures().size(),
            report.profile().name().toLowerCase(Locale.ROOT)));
    return out.toString();
  }
}
