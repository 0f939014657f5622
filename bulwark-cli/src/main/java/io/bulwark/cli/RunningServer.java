package io.bulwark.cli;

import io.bulwark.server.operator.AdminChannelFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a server runs on a data directory, for the offline {@code bulwark admin} commands (D1,
 * D2): its admin-channel file is there and something answers at the channel's address. Those
 * commands cannot open the locked database, and a key store rotated behind a running server's back
 * would not be the one it encrypts with; so they refuse and say what to do instead.
 */
final class RunningServer {

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  private RunningServer() {}

  /**
   * What to do instead of {@code words} while a server runs on {@code dataDir}; empty when none
   * runs (no channel file, or one left by a server that was killed).
   */
  static Optional<String> advice(Path dataDir, List<String> words) {
    Optional<URI> server = address(dataDir);
    if (server.isEmpty()) {
      return Optional.empty();
    }
    String base = "https://" + server.get().getHost() + ":" + server.get().getPort();
    String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
    String instead =
        switch (command) {
          case "keys rotate" ->
              "rotate while it runs as an administrator (UPDATE on SYSTEM): curl -u ADMIN -X POST "
                  + base
                  + "/engine-rest/key/rotate (README \"Encryption at rest and keys\"), or stop it"
                  + " first";
          case "keys list" ->
              "list the keys while it runs: curl -u ADMIN "
                  + base
                  + "/engine-rest/key, or stop it"
                  + " first";
          default -> "stop it first";
        };
    return Optional.of(
        "a server is running on the data directory " + dataDir + " (" + base + "): " + instead);
  }

  private static Optional<URI> address(Path dataDir) {
    Optional<AdminChannelFile> channel;
    try {
      channel = AdminChannelFile.read(dataDir);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    URI uri = channel.get().uri();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MILLIS);
      return Optional.of(uri);
    } catch (IOException notAnswering) {
      return Optional.empty();
    }
  }
}
