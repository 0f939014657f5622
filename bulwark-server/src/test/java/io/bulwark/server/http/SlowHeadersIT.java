package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Slowloris (W6, E8; issue 17): clients that send their headers one every second never trip the
 * read timeout (here 5 s, it restarts at every byte), but the header deadline (here 4 s from the
 * first byte) closes them, and a normal client is served even while they fill the connection cap.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "bulwark.http.read-timeout=PT5S",
      "bulwark.http.header-timeout=PT4S",
      "bulwark.http.max-connections=10"
    })
class SlowHeadersIT {

  private static final int SLOW_CLIENTS = 10;

  @Autowired private Environment environment;

  @Test
  void w6_slowHeadersAreCutOffAtTheDeadlineAndTheServerStillAnswers() throws Exception {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    List<SSLSocket> slow = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(SLOW_CLIENTS + 1);
    try {
      List<CompletableFuture<Double>> closed = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        SSLSocket socket = TlsConnections.open(port);
        slow.add(socket);
        send(socket, "GET /app/login HTTP/1.1\r\nHost: localhost\r\n");
        closed.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return TlsConnections.secondsUntilClosed(socket, start);
                  } catch (IOException e) {
                    return Double.NaN;
                  }
                },
                pool));
      }
      // The normal client waits behind the cap until the deadline frees a connection.
      CompletableFuture<String> normal = CompletableFuture.supplyAsync(() -> fetch(port), pool);
      for (int header = 0;
          header < 15 && !closed.stream().allMatch(CompletableFuture::isDone);
          header++) {
        TimeUnit.SECONDS.sleep(1);
        for (SSLSocket socket : slow) {
          send(socket, "X-Slow-" + header + ": 1\r\n");
        }
      }
      for (CompletableFuture<Double> seconds : closed) {
        assertThat(seconds.get(20, TimeUnit.SECONDS))
            .as("seconds until a slow connection is closed")
            .isBetween(3.5, 8.0);
      }
      assertThat(normal.get(20, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200");
    } finally {
      for (SSLSocket socket : slow) {
        socket.close();
      }
      pool.shutdownNow();
    }
  }

  private static void send(SSLSocket socket, String text) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(text.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException closed) {
      // The server closed it: what the test waits for.
    }
  }

  private static String fetch(int port) {
    try (SSLSocket socket = TlsConnections.open(port)) {
      send(socket, "GET /app/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      byte[] head = new byte[12];
      int n = socket.getInputStream().read(head);
      return new String(head, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
    } catch (IOException | java.security.GeneralSecurityException e) {
      return e.toString();
    }
  }
}
