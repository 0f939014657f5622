package io.bulwark.server.doctor;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.config.ServerSettings;
import org.springframework.stereotype.Component;

/**
 * O2: the profile and its override. Production without the override is the hardened state; the
 * override in production is a FAIL; dev and test start despite FAILs, which is a WARN.
 */
@Component
final class O2ProfileCheck implements LocalCheck {

  private final ServerSettings settings;

  O2ProfileCheck(ServerSettings settings) {
    this.settings = settings;
  }

  @Override
  public String id() {
    return "O2";
  }

  @Override
  public Finding run() {
    if (settings.profile() != BulwarkProfile.PRODUCTION) {
      return Finding.warn(
          "O2",
          "profile "
              + settings.profile().name().toLowerCase(java.util.Locale.ROOT)
              + ": the server starts even when doctor reports a FAIL",
          "run deployed servers with --profile production (bulwark.profile=production)");
    }
    if (settings.allowInsecureStart()) {
      return Finding.fail(
          "O2",
          "override active: bulwark.allow-insecure-start=true lets production start despite FAILs",
          "fix the FAILs and remove bulwark.allow-insecure-start");
    }
    return Finding.pass("O2", "profile production refuses to start while a FAIL remains");
  }
}
