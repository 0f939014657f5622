package io.bulwark.server.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the server listens (W7): the address named by {@code bulwark.http.address}; else loopback
 * only while every enabled service group allows loopback clients only; else every interface, since
 * a group allows other networks.
 *
 * @param address the address to bind, empty for every interface
 * @param reason why, for the start log and {@code doctor}
 */
public record ListenAddress(Optional<InetAddress> address, String reason) {

  /** The setting that names the address. */
  public static final String SETTING = "bulwark.http.address";

  /** Chooses the address from the setting (blank: not set) and the service groups' allowlists. */
  public static ListenAddress choose(String configured, ServiceGroupSettings groups) {
    if (configured != null && !configured.isBlank()) {
      return new ListenAddress(Optional.of(parse(configured.trim())), SETTING + " names it");
    }
    List<String> wide = groupsBeyondLoopback(groups);
    if (wide.isEmpty()) {
      return new ListenAddress(
          Optional.of(InetAddress.getLoopbackAddress()),
          "every enabled service group allows loopback clients only");
    }
    return new ListenAddress(
        Optional.empty(),
        "service groups "
            + String.join(", ", wide)
            + " allow clients beyond loopback (bulwark.service-groups.*.allow)");
  }

  /** The enabled groups whose allowlist admits a non-loopback network, by setting key. */
  static List<String> groupsBeyondLoopback(ServiceGroupSettings groups) {
    List<String> wide = new ArrayList<>();
    for (ServiceGroup group : ServiceGroup.values()) {
      if (groups.of(group).enabled()
          && !groups.allowlist(group).stream().allMatch(CidrBlock::isLoopbackOnly)) {
        wide.add(group.settingKey());
      }
    }
    return wide;
  }

  /** Whether clients beyond this machine can connect. */
  public boolean beyondLoopback() {
    return address.map(a -> !a.isLoopbackAddress()).orElse(true);
  }

  /** The address as logged: an IP address, or "every interface". */
  public String describe() {
    return address
        .filter(a -> !a.isAnyLocalAddress())
        .map(InetAddress::getHostAddress)
        .orElse("every interface");
  }

  private static InetAddress parse(String value) {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "invalid " + SETTING + " '" + value + "': not an address of this machine", e);
    }
  }
}
