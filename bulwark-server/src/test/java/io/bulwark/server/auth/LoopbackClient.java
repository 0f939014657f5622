package io.bulwark.server.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS client whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3...),
 * so that one test can be several clients as the server sees them (A5 keys on the TCP peer). One
 * connection per request ({@code Connection: close}); keeps the session and CSRF cookies it is
 * given.
 */
final class LoopbackClient {

  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) .*");
  private static final Pattern COOKIE =
      Pattern.compile("((__Host-bulwark-(?:session|csrf))=[^;]*)");

  private final URI base;
  private final InetAddress from;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  LoopbackClient(URI base, String fromAddress) throws IOException {
    this.base = base;
    this.from = InetAddress.getByName(fromAddress);
  }

  /** An answer: status, headers with lower-case names, body. */
  record Answer(int status, Map<String, List<String>> headers, String body) {

    Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** The answer with the per-request correlation ID and date blanked, for comparing. */
    String comparable() {
      Map<String, List<String>> rest = new LinkedHashMap<>(headers);
      rest.remove("date");
      rest.remove("x-correlation-id");
      return status
          + " "
          + rest
          + " "
          + body.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID");
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Answer get(String path) throws IOException {
    return send("GET", path, Map.of(), null);
  }

  Answer postForm(String path, Map<String, String> form, Map<String, String> headers)
      throws IOException {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/x-www-form-urlencoded");
    return send("POST", path, all, body);
  }

  Answer send(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder request = new StringBuilder();
    request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    request.append("Host: localhost:").append(base.getPort()).append("\r\n");
    request.append("Connection: close\r\n");
    if (!cookies.isEmpty()) {
      request.append("Cookie: ").append(String.join("; ", cookies.values())).append("\r\n");
    }
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    try (SSLSocket socket =
        (SSLSocket) TestHttpClient.trustAll().getSocketFactory().createSocket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private Answer parse(byte[] bytes) {
    String raw = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, end).split("\r\n");
    Matcher status = STATUS.matcher(lines[0]);
    if (!status.matches()) {
      throw new IllegalStateException("not an HTTP answer: " + lines[0]);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).strip();
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      Matcher session = COOKIE.matcher(value);
      if (name.equals("set-cookie") && session.find()) {
        cookies.put(session.group(2), session.group(1));
      }
    }
    String body = raw.substring(end + 4);
    if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
      body = unchunk(body);
    }
    byte[] latin1 = body.getBytes(StandardCharsets.ISO_8859_1);
    return new Answer(
        Integer.parseInt(status.group(1)), headers, new String(latin1, StandardCharsets.UTF_8));
  }

  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
