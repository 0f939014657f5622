package io.bulwark.server.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address block in CIDR notation (W7), such as {@code 10.0.0.0/8} or {@code
 * ::1/128}. Parsing never resolves host names: only address literals are accepted, IPv4 in strict
 * dotted-quad form, and the address must have no bits set beyond the prefix (so that a typo such as
 * {@code 10.0.0.1/8} is caught rather than silently widened). Immutable and thread-safe.
 */
public final class CidrBlock {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefixLength;
  private final String text;

  private CidrBlock(byte[] network, int prefixLength, String text) {
    this.network = network;
    this.prefixLength = prefixLength;
    this.text = text;
  }

  /**
   * Parses {@code address/prefix}; a bare address means a single host (/32 or /128).
   *
   * @throws IllegalArgumentException naming the rule broken
   */
  public static CidrBlock parse(String value) {
    Objects.requireNonNull(value, "value");
    String trimmed = value.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = parseAddress(address, value);
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      String digits = trimmed.substring(slash + 1);
      if (!digits.matches("\\d{1,3}")) {
        throw new IllegalArgumentException("'" + value + "' has no valid prefix length");
      }
      prefix = Integer.parseInt(digits);
      if (prefix > max) {
        throw new IllegalArgumentException(
            "'" + value + "' has prefix length " + prefix + "; at most " + max + " is possible");
      }
    }
    for (int bit = prefix; bit < max; bit++) {
      if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        throw new IllegalArgumentException(
            "'" + value + "' has address bits set beyond the prefix length " + prefix);
      }
    }
    return new CidrBlock(bytes, prefix, address + "/" + prefix);
  }

  private static byte[] parseAddress(String address, String value) {
    boolean v4 = IPV4.matcher(address).matches();
    boolean v6 = !v4 && address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
    if (!v4 && !v6) {
      throw new IllegalArgumentException("'" + value + "' is not an IPv4 or IPv6 address block");
    }
    try {
      // A literal: InetAddress does not resolve names for these forms.
      byte[] bytes = InetAddress.getByName(v6 ? "[" + address + "]" : address).getAddress();
      if (v6 && bytes.length != 16) {
        throw new IllegalArgumentException(
            "'" + value + "' is an IPv4-mapped IPv6 address; write the IPv4 block instead");
      }
      return bytes;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + value + "' is not a valid address", e);
    }
  }

  /** Whether the address (an IP literal as given by the servlet container) lies in this block. */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[full] & mask) == (network[full] & mask);
  }

  /** Whether this block covers every address of its family (0.0.0.0/0 or ::/0). */
  public boolean isEverything() {
    return prefixLength == 0;
  }

  /** Whether every address in the block is a loopback address. */
  public boolean isLoopbackOnly() {
    if (network.length == 4) {
      return prefixLength >= 8 && network[0] == 127;
    }
    byte[] loopback = new byte[16];
    loopback[15] = 1;
    return prefixLength == 128 && Arrays.equals(network, loopback);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CidrBlock block
        && prefixLength == block.prefixLength
        && Arrays.equals(network, block.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
