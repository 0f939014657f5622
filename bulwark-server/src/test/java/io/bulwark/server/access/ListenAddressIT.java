package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** A default server listens on loopback only (W7; issue 17). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListenAddressIT {

  @Autowired Environment environment;

  @Test
  void w7_defaultServerListensOnLoopbackOnly() throws Exception {
    int port = environment.getRequiredProperty("local.server.port", Integer.class);
    InetAddress outside = LocalAddresses.nonLoopback();
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
    }
    assertThatThrownBy(() -> connect(outside, port))
        .as("connecting to %s:%d", outside.getHostAddress(), port)
        .isInstanceOf(ConnectException.class);
  }

  static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      assertThat(socket.isConnected()).isTrue();
    }
  }
}
