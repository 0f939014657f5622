package io.bulwark.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.http.AnswerFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGroupSettingsTest {

  private static final ServiceGroupSettings.Group LOOPBACK =
      new ServiceGroupSettings.Group(true, ServiceGroupSettings.LOOPBACK);

  @Test
  void w7_defaultsAreOnAndLoopbackOnly() {
    ServiceGroupSettings settings = ServiceGroupSettings.defaults();
    for (ServiceGroup group : ServiceGroup.values()) {
      assertThat(settings.of(group).enabled()).isTrue();
      assertThat(settings.allowlist(group)).allMatch(CidrBlock::isLoopbackOnly).hasSize(2);
    }
  }

  @Test
  void w7_malformedEntryNamesTheSetting() {
    ServiceGroupSettings.Group broken =
        new ServiceGroupSettings.Group(true, List.of("10.0.0.0/8", "10.0.0.0/40"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ServiceGroupSettings(LOOPBACK, broken, LOOPBACK))
        .withMessageStartingWith("invalid bulwark.service-groups.api.allow: '10.0.0.0/40'");
  }

  @Test
  void w7_groupsByPathPrefixOnly() {
    assertThat(ServiceGroup.of("/")).contains(ServiceGroup.WEB_APPS);
    assertThat(ServiceGroup.of("/app")).contains(ServiceGroup.WEB_APPS);
    assertThat(ServiceGroup.of("/app/tasklist")).contains(ServiceGroup.WEB_APPS);
    assertThat(ServiceGroup.of("/application")).isEmpty();
    assertThat(ServiceGroup.of("/engine-rest/task")).contains(ServiceGroup.INTEGRATION_API);
    assertThat(ServiceGroup.of("/engine-restx")).isEmpty();
    assertThat(ServiceGroup.of("/internal/health")).contains(ServiceGroup.INTERNAL);
    assertThat(ServiceGroup.of("/error")).isEmpty();
  }

  @Test
  void w5_webAppsAndOnlyThemGetTheHtmlPage() {
    for (String path : List.of("/", "/app", "/app/x", "/engine-rest/x", "/internal/x", "/x")) {
      boolean web = ServiceGroup.of(path).filter(g -> g == ServiceGroup.WEB_APPS).isPresent();
      assertThat(AnswerFormat.forPath(path) == AnswerFormat.HTML_PAGE).as(path).isEqualTo(web);
    }
  }

  @Test
  void w7_checkPassesForDefaults() {
    var finding = new W7ServiceGroupsCheck(ServiceGroupSettings.defaults()).run();
    assertThat(finding.checkId()).isEqualTo("W7");
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("web on", "api on", "internal on");
  }

  @Test
  void w7_checkWarnsWhenInternalLeavesLoopback() {
    ServiceGroupSettings settings =
        new ServiceGroupSettings(
            LOOPBACK, LOOPBACK, new ServiceGroupSettings.Group(true, List.of("10.0.0.0/8")));
    var finding = new W7ServiceGroupsCheck(settings).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("internal services are reachable from beyond loopback");
  }

  @Test
  void w7_checkWarnsWhenAGroupAllowsEveryAddress() {
    ServiceGroupSettings settings =
        new ServiceGroupSettings(
            LOOPBACK, new ServiceGroupSettings.Group(true, List.of("::/0")), LOOPBACK);
    var finding = new W7ServiceGroupsCheck(settings).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.WARN);
    assertThat(finding.message()).contains("api allows every address");
  }

  @Test
  void w7_checkFailsWhenInternalServicesAllowEveryAddress() {
    ServiceGroupSettings settings =
        new ServiceGroupSettings(
            LOOPBACK, LOOPBACK, new ServiceGroupSettings.Group(true, List.of("0.0.0.0/0")));
    var finding = new W7ServiceGroupsCheck(settings).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("internal services are open to every address");
    assertThat(finding.fix()).contains("bulwark.service-groups.internal.allow");
  }

  @Test
  void w7_checkListsDisabledGroups() {
    ServiceGroupSettings settings =
        new ServiceGroupSettings(
            LOOPBACK, LOOPBACK, new ServiceGroupSettings.Group(false, List.of("0.0.0.0/0")));
    var finding = new W7ServiceGroupsCheck(settings).run();
    assertThat(finding.status()).isEqualTo(CheckStatus.PASS);
    assertThat(finding.message()).contains("internal off");
  }
}
