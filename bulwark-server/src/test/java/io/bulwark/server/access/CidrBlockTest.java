package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

  @ParameterizedTest
  @CsvSource({
    "10.0.0.0/8, 10.255.3.4, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "192.168.1.0/24, 192.168.1.200, true",
    "192.168.1.0/24, 192.168.2.1, false",
    "172.16.0.0/12, 172.31.255.255, true",
    "172.16.0.0/12, 172.32.0.0, false",
    "127.0.0.0/8, 127.0.0.1, true",
    "0.0.0.0/0, 8.8.8.8, true",
    "203.0.113.7, 203.0.113.7, true",
    "203.0.113.7, 203.0.113.8, false",
    "::1/128, ::1, true",
    "::1/128, ::2, false",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "fe80::/10, febf::1, true",
    "::/0, 2001:db8::1, true",
    "10.0.0.0/8, ::1, false",
    "::/0, 10.0.0.1, false"
  })
  void w7_matchesAddressesInTheBlockOnly(String block, String address, boolean inside)
      throws Exception {
    InetAddress literal =
        InetAddress.getByName(address.indexOf(':') >= 0 ? "[" + address + "]" : address);
    assertThat(CidrBlock.parse(block).contains(literal)).isEqualTo(inside);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.com/8",
        "10.0.0/8",
        "10.1",
        "256.0.0.0/8",
        "010.0.0.0/8",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/",
        "10.0.0.0/abc",
        "10.0.0.1/8",
        "::1/129",
        "::1%eth0/128",
        "2001:db8::/",
        "::ffff:10.0.0.0/104",
        "1:2:3:4:5:6:7:8:9/128"
      })
  void w7_rejectsMalformedBlocks(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CidrBlock.parse(value))
        .withMessageContaining("'" + value + "'");
  }

  @Test
  void w7_knowsLoopbackAndEverything() {
    assertThat(CidrBlock.parse("127.0.0.0/8").isLoopbackOnly()).isTrue();
    assertThat(CidrBlock.parse("::1/128").isLoopbackOnly()).isTrue();
    assertThat(CidrBlock.parse("127.0.0.1").isLoopbackOnly()).isTrue();
    assertThat(CidrBlock.parse("10.0.0.0/8").isLoopbackOnly()).isFalse();
    assertThat(CidrBlock.parse("0.0.0.0/0").isLoopbackOnly()).isFalse();
    assertThat(CidrBlock.parse("0.0.0.0/0").isEverything()).isTrue();
    assertThat(CidrBlock.parse("::/0").isEverything()).isTrue();
    assertThat(CidrBlock.parse("10.0.0.0/8").isEverything()).isFalse();
  }
}
