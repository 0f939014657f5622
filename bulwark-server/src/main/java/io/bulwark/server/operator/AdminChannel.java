package io.bulwark.server.operator;

import io.bulwark.engine.api.Secret;
import io.bulwark.server.access.ServiceGroupSettings;
import io.bulwark.server.config.ServerSettings;
import io.bulwark.server.tls.ServerCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The running server's end of the admin channel (W7): once the HTTPS port is open it draws a new
 * 256-bit secret and writes {@link AdminChannelFile} owner-only into the data directory; at stop it
 * deletes the file. {@link #accepts} compares a presented secret in constant time. While the
 * internal services are switched off there is no channel and no file. Thread-safe.
 */
public final class AdminChannel {

  private static final Logger LOG = LoggerFactory.getLogger(AdminChannel.class);
  private static final int SECRET_BYTES = 32;

  private final Path dataDir;
  private final ServerCertificates certificates;
  private final boolean enabled;
  private final @Nullable String bindAddress;
  private volatile @Nullable Secret secret;

  public AdminChannel(
      ServerSettings server,
      ServiceGroupSettings groups,
      ServerCertificates certificates,
      Environment environment) {
    this.dataDir = server.dataDir();
    this.certificates = certificates;
    this.enabled = groups.internal().enabled();
    this.bindAddress = environment.getProperty("server.address");
  }

  /** Whether {@code presented} is this start's channel secret; constant time. */
  public boolean accepts(@Nullable String presented) {
    Secret current = secret;
    if (current == null || presented == null) {
      return false;
    }
    try (Secret candidate = Secret.of(presented)) {
      return current.equals(candidate);
    }
  }

  @EventListener
  void open(WebServerInitializedEvent event) {
    if (!enabled) {
      LOG.info("Admin channel off: the internal services are switched off (W7)");
      return;
    }
    byte[] random = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(random);
    Secret fresh = Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    URI uri =
        URI.create("https://" + host() + ":" + event.getWebServer().getPort() + "/internal/admin");
    try {
      new AdminChannelFile(uri, fresh, certificates.findOrGenerate().certificate()).write(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + AdminChannelFile.path(dataDir), e);
    }
    secret = fresh;
    LOG.info("Admin channel for bulwark admin: {} (W7)", uri);
  }

  @EventListener
  void close(ContextClosedEvent event) {
    if (secret == null) {
      return;
    }
    secret = null;
    try {
      Files.deleteIfExists(AdminChannelFile.path(dataDir));
    } catch (IOException e) {
      LOG.warn("Cannot delete {}: {}", AdminChannelFile.path(dataDir), e.getMessage());
    }
  }

  /** Loopback unless the server listens on one other address only. */
  private String host() {
    if (bindAddress == null || bindAddress.isBlank()) {
      return "127.0.0.1";
    }
    try {
      InetAddress address = InetAddress.getByName(bindAddress);
      if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
        return address.getAddress().length == 4 || address.isAnyLocalAddress()
            ? "127.0.0.1"
            : "[::1]";
      }
      return address.getAddress().length == 4
          ? address.getHostAddress()
          : "[" + address.getHostAddress() + "]";
    } catch (UnknownHostException e) {
      return "127.0.0.1";
    }
  }
}
