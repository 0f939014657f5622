import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Denial-of-service probe of issue 17 (E8, W14), for a Bulwark server on loopback only:
 *
 * <pre>
 *   java bulwark-bench/DosProbe.java sessions https://127.0.0.1:8443 5000
 *   java bulwark-bench/DosProbe.java basic    https://127.0.0.1:8443 8 20
 *   java bulwark-bench/DosProbe.java form     https://127.0.0.1:8443 8 20
 *   java bulwark-bench/DosProbe.java guess    https://127.0.0.1:8443 10 200 USER PASSWORD
 * </pre>
 *
 * sessions: N anonymous GET /app/login, counts the session cookies the server hands out. basic and
 * form: C concurrent anonymous clients post wrong passwords for S seconds (HTTP Basic on the
 * integration API, or the login form with its CSRF token); prints answers by status and the
 * latency median and p90. guess: C clients make N attempts in all with wrong passwords for one
 * known USER (an online guessing attack, A5), then the right PASSWORD is tried once from the same
 * address; prints the time taken, answers by status, latency median, p90 and max, and the answer to
 * the right password (the server's {@code bulwark.auth} log tells which attempts reached the
 * password check). Bounded in count and time; loopback targets only.
 */
public final class DosProbe {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[1]);
    if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
      throw new IllegalArgumentException("loopback targets only");
    }
    switch (args[0]) {
      case "sessions" -> sessions(base, Integer.parseInt(args[2]));
      case "guess" ->
          guess(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5]);
      case "basic", "form" ->
          flood(base, args[0], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("sessions | basic | form");
    }
  }

  private static HttpClient client() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}

            public void checkServerTrusted(X509Certificate[] c, String a) {}

            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        new SecureRandom());
    return HttpClient.newBuilder()
        .sslContext(tls)
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static void sessions(URI base, int count) throws Exception {
    HttpClient client = client();
    Set<String> sessions = new HashSet<>();
    Map<String, Integer> cookies = new TreeMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      HttpResponse<Void> r =
          client.send(
              HttpRequest.newBuilder(base.resolve("/app/login")).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding());
      for (String c : r.headers().allValues("Set-Cookie")) {
        String pair = c.split(";", 2)[0];
        String name = pair.split("=", 2)[0];
        cookies.merge(name, 1, Integer::sum);
        if (name.contains("session")) {
          sessions.add(pair);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "sessions: %d GET /app/login in %.1f s: %d distinct session cookies; Set-Cookie by name %s%n",
        count, seconds, sessions.size(), cookies);
  }

  private static void flood(URI base, String mode, int clients, int seconds) throws Exception {
    HttpClient client = client();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int id = t;
      Thread thread =
          new Thread(
                  () -> {
                    try {
                      String[] form = mode.equals("form") ? loginForm(client, base) : null;
                      int n = 0;
                      while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpRequest request =
                            mode.equals("basic")
                                ? basic(base, "nobody" + id, "wrong-" + n++)
                                : formPost(base, form, "nobody" + id, "wrong-" + n++);
                        HttpResponse<Void> r =
                            client.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies.add((System.nanoTime() - t0) / 1_000_000);
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                      }
                    } catch (Exception e) {
                      statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    }
                  });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long p50 = sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    long p90 = sorted.isEmpty() ? -1 : sorted.get((int) (sorted.size() * 0.9));
    System.out.printf(
        "%s: %d clients x %d s: %d answers %s, latency median %d ms, p90 %d ms%n",
        mode, clients, seconds, sorted.size(), new TreeMap<>(statuses), p50, p90);
  }

  private static void guess(URI base, int clients, int attempts, String user, String password)
      throws Exception {
    HttpClient client = client();
    AtomicInteger next = new AtomicInteger();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < clients; t++) {
      Thread thread =
          new Thread(
              () -> {
                int n;
                while ((n = next.getAndIncrement()) < attempts) {
                  long t0 = System.nanoTime();
                  int status;
                  try {
                    status =
                        client
                            .send(basic(base, user, "wrong-" + n), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                  } catch (Exception e) {
                    status = -1;
                  }
                  latencies.add((System.nanoTime() - t0) / 1_000_000);
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int right =
        client.send(basic(base, user, password), HttpResponse.BodyHandlers.discarding()).statusCode();
    System.out.printf(
        "guess: %d wrong passwords for %s from %d clients in %.1f s: answers %s, latency median %d"
            + " ms, p90 %d ms, max %d ms; then the right password: %d%n",
        attempts,
        user,
        clients,
        seconds,
        new TreeMap<>(statuses),
        sorted.get(sorted.size() / 2),
        sorted.get((int) (sorted.size() * 0.9)),
        sorted.get(sorted.size() - 1),
        right);
  }

  private static HttpRequest basic(URI base, String user, String password) {
    String credentials =
        Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(base.resolve("/engine-rest/identity/token"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  /** GET /app/login: the cookies it sets and the CSRF token of its form. */
  private static String[] loginForm(HttpClient client, URI base) throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(base.resolve("/app/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    List<String> cookies = new ArrayList<>();
    for (String c : page.headers().allValues("Set-Cookie")) {
      cookies.add(c.split(";", 2)[0]);
    }
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the login form");
    }
    return new String[] {String.join("; ", cookies), m.group(1)};
  }

  private static HttpRequest formPost(URI base, String[] form, String user, String password) {
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(form[1], StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve("/app/login"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!form[0].isEmpty()) {
      b.header("Cookie", form[0]);
    }
    return b.build();
  }
}
