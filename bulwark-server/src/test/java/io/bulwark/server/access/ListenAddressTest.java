package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.http.ConnectionSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the server listens, and the doctor check that says so (W7). */
class ListenAddressTest {

  private static final ServiceGroupSettings LOOPBACK_ONLY = ServiceGroupSettings.defaults();

  private static ServiceGroupSettings apiAllows(String... networks) {
    var loopback = new ServiceGroupSettings.Group(true, ServiceGroupSettings.LOOPBACK);
    return new ServiceGroupSettings(
        loopback, new ServiceGroupSettings.Group(true, List.of(networks)), loopback);
  }

  private static ConnectionSettings address(String address) {
    return new ConnectionSettings(
        Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), 2000, address);
  }

  @Test
  void w7_loopbackOnlyByDefault() {
    ListenAddress listen = ListenAddress.choose("", LOOPBACK_ONLY);
    assertThat(listen.address()).contains(InetAddress.getLoopbackAddress());
    assertThat(listen.beyondLoopback()).isFalse();
  }

  @Test
  void w7_everyInterfaceWhenAGroupAllowsOtherNetworks() {
    ListenAddress listen = ListenAddress.choose("", apiAllows("10.0.0.0/8"));
    assertThat(listen.address()).isEmpty();
    assertThat(listen.reason()).contains("api");
  }

  @Test
  void w7_aDisabledGroupDoesNotWidenTheListener() {
    var loopback = new ServiceGroupSettings.Group(true, ServiceGroupSettings.LOOPBACK);
    var groups =
        new ServiceGroupSettings(
            loopback, new ServiceGroupSettings.Group(false, List.of("0.0.0.0/0")), loopback);
    assertThat(ListenAddress.choose("", groups).beyondLoopback()).isFalse();
  }

  @Test
  void w7_theSettingWins() throws Exception {
    ListenAddress listen = ListenAddress.choose(" 192.0.2.7 ", LOOPBACK_ONLY);
    assertThat(listen.address()).contains(InetAddress.getByName("192.0.2.7"));
    assertThat(listen.reason()).contains("bulwark.http.address");
  }

  @Test
  void w7_anUnknownAddressRefusesToStart() {
    assertThatThrownBy(() -> ListenAddress.choose("no-such-host.invalid", LOOPBACK_ONLY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulwark.http.address");
  }

  @Test
  void w7_doctorPassesTheDefault() {
    var finding = new W7ListenAddressCheck(ConnectionSettings.defaults(), LOOPBACK_ONLY).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("127.0.0.1");
  }

  @Test
  void w7_doctorWarnsOfEveryInterfaceWhileEveryGroupIsLoopbackOnly() {
    var finding = new W7ListenAddressCheck(address("0.0.0.0"), LOOPBACK_ONLY).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("every interface").contains("loopback clients only");
  }

  @Test
  void w7_doctorPassesEveryInterfaceWhenAGroupNeedsIt() {
    var finding = new W7ListenAddressCheck(address("0.0.0.0"), apiAllows("10.0.0.0/8")).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
  }
}
