package io.bulwark.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.1 answer read from a raw socket.
 *
 * @param status the status code, or -1 if the server closed without answering
 * @param headers header values by lower-case name
 * @param body the body as text (chunked bodies are left as sent)
 */
public record RawResponse(int status, Map<String, List<String>> headers, String body) {

  static RawResponse parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      return new RawResponse(-1, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    return new RawResponse(status, headers, text.substring(end + 4));
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
