package io.bulwark.server.http;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Doctor check W6: the firewall limits are within sane bounds, else FAIL. */
@Component
public final class W6RequestLimitsCheck implements LocalCheck {

  private final FirewallSettings settings;

  public W6RequestLimitsCheck(FirewallSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "W6";
  }

  @Override
  public Finding run() {
    List<String> broken = new ArrayList<>();
    if (settings.maxHeaderBytes() > FirewallSettings.SANE_MAX_HEADER_BYTES) {
      broken.add(
          "bulwark.http.max-header-bytes="
              + settings.maxHeaderBytes()
              + " exceeds "
              + FirewallSettings.SANE_MAX_HEADER_BYTES);
    }
    if (settings.maxBodyBytes() > FirewallSettings.SANE_MAX_BODY_BYTES) {
      broken.add(
          "bulwark.http.max-body-bytes="
              + settings.maxBodyBytes()
              + " exceeds "
              + FirewallSettings.SANE_MAX_BODY_BYTES);
    }
    if (settings.maxParameters() > FirewallSettings.SANE_MAX_PARAMETERS) {
      broken.add(
          "bulwark.http.max-parameters="
              + settings.maxParameters()
              + " exceeds "
              + FirewallSettings.SANE_MAX_PARAMETERS);
    }
    if (!broken.isEmpty()) {
      return Finding.fail(
          id(),
          "Request limits beyond sane bounds: " + String.join("; ", broken),
          "Lower the named bulwark.http.* settings or remove them to use the defaults.");
    }
    return Finding.pass(
        id(),
        "Request firewall on: headers <= "
            + settings.maxHeaderBytes()
            + " bytes, body <= "
            + settings.maxBodyBytes()
            + " bytes, <= "
            + settings.maxParameters()
            + " parameters; methods "
            + new java.util.TreeSet<>(FirewallRules.ALLOWED_METHODS));
  }
}
