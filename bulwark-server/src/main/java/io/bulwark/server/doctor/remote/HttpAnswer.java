package io.bulwark.server.doctor.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP answer as it came over the wire. The probe reads answers raw on purpose: it must see
 * exactly what a client sees, including a container's own error pages.
 *
 * @param request what was asked, e.g. {@code "GET /app/login"}
 * @param status the status code; -1 when the answer was no HTTP (closed, TLS alert, nothing)
 * @param headers header values by lower-case name, in order
 * @param body the body as received (ISO-8859-1, possibly chunked, possibly truncated)
 */
public record HttpAnswer(
    String request, int status, Map<String, List<String>> headers, String body) {

  public HttpAnswer {
    headers = Map.copyOf(headers);
  }

  /** Parses a raw answer; anything that is not HTTP gives status -1. */
  static HttpAnswer parse(String request, String raw) {
    if (!raw.startsWith("HTTP/")) {
      return new HttpAnswer(request, -1, Map.of(), raw);
    }
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n", -1);
    String[] statusLine = lines[0].split(" ", 3);
    int status;
    try {
      status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
    } catch (NumberFormatException e) {
      status = -1;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        headers
            .computeIfAbsent(name, n -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    headers.replaceAll((k, v) -> List.copyOf(v));
    return new HttpAnswer(request, status, headers, body);
  }

  /** The first value of a header, or empty string when absent. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /** All values of a header. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** True when the header is present. */
  public boolean has(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** A short label for messages: {@code "GET /app/login -> 302"}. */
  public String label() {
    return request + " -> " + (status < 0 ? "no HTTP answer" : String.valueOf(status));
  }
}
