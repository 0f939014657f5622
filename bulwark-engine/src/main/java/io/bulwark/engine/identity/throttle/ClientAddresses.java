package io.bulwark.engine.identity.throttle;

import io.bulwark.engine.api.ValidationException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key under which a client address is throttled (A5): an IPv4 address as is, an IPv6 address as
 * its /64 network, because one subscriber usually holds a whole /64 and could otherwise change
 * address at every attempt. Only IP literals are accepted, so that no name is ever resolved.
 */
public final class ClientAddresses {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}]?");

  private ClientAddresses() {}

  /**
   * The throttle key of {@code clientAddress}: the IPv4 address or the IPv6 /64 network.
   *
   * @throws ValidationException the value is not an IP address literal
   */
  public static String key(String clientAddress) {
    if (IPV4.matcher(clientAddress).matches()) {
      return clientAddress;
    }
    if (!clientAddress.contains(":") || !IPV6_LITERAL.matcher(clientAddress).matches()) {
      throw invalid();
    }
    String literal = clientAddress.replace("[", "").replace("]", "");
    InetAddress address;
    try {
      // A literal with a colon is parsed, never looked up.
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw invalid();
    }
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    StringBuilder out = new StringBuilder(24);
    for (int i = 0; i < 8; i += 2) {
      out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
      out.append(':');
    }
    return out.append(":/64").toString();
  }

  private static ValidationException invalid() {
    return ValidationException.of(
        "clientAddress", "ip-literal", "invalid client address; it must be an IP address literal");
  }
}
