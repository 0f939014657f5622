package io.bulwark.server.access;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Doctor check W7: lists the enabled service groups and their allowlists; WARN when the internal
 * services are reachable from anything but loopback, or when any group allows every address; FAIL
 * when the internal services allow every address.
 */
@Component
public final class W7ServiceGroupsCheck implements LocalCheck {

  private final ServiceGroupSettings settings;

  public W7ServiceGroupsCheck(ServiceGroupSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "W7";
  }

  @Override
  public Finding run() {
    List<String> groups = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (ServiceGroup group : ServiceGroup.values()) {
      if (!settings.of(group).enabled()) {
        groups.add(group.settingKey() + " off");
        continue;
      }
      List<CidrBlock> allow = settings.allowlist(group);
      groups.add(group.settingKey() + " on, allow " + allow);
      if (allow.stream().anyMatch(CidrBlock::isEverything)) {
        warnings.add(group.settingKey() + " allows every address");
      }
      if (group == ServiceGroup.INTERNAL && allow.stream().anyMatch(CidrBlock::isEverything)) {
        failures.add("internal services are open to every address");
      } else if (group == ServiceGroup.INTERNAL
          && !allow.stream().allMatch(CidrBlock::isLoopbackOnly)) {
        warnings.add("internal services are reachable from beyond loopback");
      }
    }
    String summary = "Service groups: " + String.join("; ", groups);
    if (failures.isEmpty() && warnings.isEmpty()) {
      return Finding.pass(id(), summary);
    }
    CheckStatus status = failures.isEmpty() ? CheckStatus.WARN : CheckStatus.FAIL;
    failures.addAll(warnings);
    return new Finding(
        id(),
        status,
        summary + ". " + String.join("; ", failures),
        "Narrow bulwark.service-groups.<group>.allow to the client networks that need the group;"
            + " keep bulwark.service-groups.internal.allow at 127.0.0.0/8,::1/128.");
  }
}
