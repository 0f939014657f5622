package io.bulwark.server.access;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.http.ConnectionSettings;
import org.springframework.stereotype.Component;

/**
 * Doctor check W7: where the server listens. WARN when it listens beyond loopback while every
 * enabled service group allows loopback clients only: the port is open to the network for nothing.
 */
@Component
public final class W7ListenAddressCheck implements LocalCheck {

  private final ConnectionSettings connections;
  private final ServiceGroupSettings groups;

  public W7ListenAddressCheck(ConnectionSettings connections, ServiceGroupSettings groups) {
    this.connections = connections;
    this.groups = groups;
  }

  @Override
  public String id() {
    return "W7";
  }

  @Override
  public Finding run() {
    ListenAddress listen = ListenAddress.choose(connections.address(), groups);
    String summary = "listens on " + listen.describe() + ": " + listen.reason();
    if (listen.beyondLoopback() && ListenAddress.groupsBeyondLoopback(groups).isEmpty()) {
      return Finding.warn(
          id(),
          summary + ", but every enabled service group allows loopback clients only",
          "remove "
              + ListenAddress.SETTING
              + " (loopback is the default), or list the client"
              + " networks in bulwark.service-groups.<group>.allow");
    }
    return Finding.pass(id(), summary);
  }
}
