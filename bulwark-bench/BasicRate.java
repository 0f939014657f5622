import java.net.URI;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Basic authentication rate of issue 14 (item 11), for a Bulwark server on loopback only:
 *
 * <pre>
 *   BULWARK_BENCH_PASSWORD=... java bulwark-bench/BasicRate.java https://127.0.0.1:8443 USER 4 20
 * </pre>
 *
 * C concurrent clients send {@code GET /engine-rest/user/USER/profile} with the same right Basic
 * credentials for S seconds (the password comes from the environment, never the command line);
 * prints requests per second by status and the latency median and p99. Bounded in time; loopback
 * targets only.
 */
public final class BasicRate {

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
      throw new IllegalArgumentException("loopback targets only");
    }
    String user = args[1];
    int clients = Integer.parseInt(args[2]);
    int seconds = Math.min(120, Integer.parseInt(args[3]));
    String password = System.getenv("BULWARK_BENCH_PASSWORD");
    if (password == null) {
      throw new IllegalArgumentException("set BULWARK_BENCH_PASSWORD");
    }
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpClient client = client();
    URI uri = base.resolve("/engine-rest/user/" + user + "/profile");
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  int status;
                  try {
                    status =
                        client
                            .send(
                                HttpRequest.newBuilder(uri).header("Authorization", basic).build(),
                                HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                  } catch (Exception e) {
                    status = -1;
                  }
                  latencies.add(System.nanoTime() - start);
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
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
    System.out.printf(
        "%d clients, %d s: %.1f requests/s; by status %s; latency median %.1f ms, p99 %.1f ms%n",
        clients,
        seconds,
        sorted.size() / (double) seconds,
        new TreeMap<>(statuses),
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.99)) / 1e6);
  }

  private static HttpClient client() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
              // Loopback measurement of our own server with its generated certificate.
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        new SecureRandom());
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }
}
