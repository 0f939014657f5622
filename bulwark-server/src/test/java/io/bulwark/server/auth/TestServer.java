package io.bulwark.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Where the {@code @SpringBootTest} server of this JVM listens and keeps its data. The scheme is
 * found by trying a TLS handshake on the port, so the tests run unchanged whether or not the server
 * has TLS configured.
 */
public final class TestServer {

  /** One data directory for every test context of this JVM, so that contexts can be shared. */
  public static final Path DATA_DIR = createDataDir();

  private TestServer() {}

  /**
   * Points {@code bulwark.data-dir} at {@link #DATA_DIR}. Test classes name this one initializer so
   * that Spring's test context cache gives them one shared server.
   */
  public static final class DataDir
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of("bulwark.data-dir=" + DATA_DIR).applyTo(context);
    }
  }

  public static URI baseUri(Environment environment) {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    String scheme = speaksTls(port) ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + port + "/");
  }

  private static boolean speaksTls(int port) {
    try (SSLSocket socket =
        (SSLSocket) TestHttpClient.trustAll().getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(5_000);
      socket.startHandshake();
      return true;
    } catch (IOException plainHttp) {
      return false;
    }
  }

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("bulwark-web-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
