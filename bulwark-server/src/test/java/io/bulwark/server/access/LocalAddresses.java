package io.bulwark.server.access;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** Addresses of this machine, for the listen address tests (W7). */
final class LocalAddresses {

  private LocalAddresses() {}

  /**
   * An IPv4 address of an interface that is up and not loopback; the test is skipped on a machine
   * without one (it cannot tell loopback-only from every interface there).
   */
  static InetAddress nonLoopback() throws SocketException {
    Optional<InetAddress> found =
        NetworkInterface.networkInterfaces()
            .filter(LocalAddresses::upAndNotLoopback)
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .findFirst();
    assumeTrue(found.isPresent(), "this machine has no non-loopback IPv4 address");
    return found.orElseThrow();
  }

  private static boolean upAndNotLoopback(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
