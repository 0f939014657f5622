package io.bulwark.server.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The switch and IP allowlist of each service group (W7), bound from {@code
 * bulwark.service-groups.{web,api,internal}.enabled} (default {@code true}) and {@code .allow} (a
 * comma-separated CIDR list, default loopback only: {@code 127.0.0.0/8,::1/128}). A client outside
 * the list is refused; an empty list refuses everyone. A malformed entry refuses to start with a
 * message naming the setting.
 */
@ConfigurationProperties("bulwark.service-groups")
public record ServiceGroupSettings(
    @DefaultValue Group web, @DefaultValue Group api, @DefaultValue Group internal) {

  /** The default allowlist of every group: loopback only. */
  public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

  public ServiceGroupSettings {
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(internal, "internal");
    parse(ServiceGroup.WEB_APPS, web);
    parse(ServiceGroup.INTEGRATION_API, api);
    parse(ServiceGroup.INTERNAL, internal);
  }

  /** The defaults: every group on, loopback only. */
  public static ServiceGroupSettings defaults() {
    return new ServiceGroupSettings(
        new Group(true, LOOPBACK), new Group(true, LOOPBACK), new Group(true, LOOPBACK));
  }

  /** The settings of one group. */
  public Group of(ServiceGroup group) {
    return switch (group) {
      case WEB_APPS -> web;
      case INTEGRATION_API -> api;
      case INTERNAL -> internal;
    };
  }

  /** The parsed allowlist of one group. */
  public List<CidrBlock> allowlist(ServiceGroup group) {
    return parse(group, of(group));
  }

  private static List<CidrBlock> parse(ServiceGroup group, Group settings) {
    List<CidrBlock> blocks = new ArrayList<>();
    for (String entry : settings.allow()) {
      try {
        blocks.add(CidrBlock.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid bulwark.service-groups." + group.settingKey() + ".allow: " + e.getMessage(),
            e);
      }
    }
    return List.copyOf(blocks);
  }

  /**
   * One group's settings.
   *
   * @param enabled whether the group is served at all; off answers 404
   * @param allow the CIDR blocks whose clients may reach the group
   */
  public record Group(
      @DefaultValue("true") boolean enabled,
      @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> allow) {

    public Group {
      allow = allow == null ? List.of() : List.copyOf(allow);
    }
  }
}
