package io.bulwark.server.doctor;

import io.bulwark.server.audit.AuditTrail;
import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.config.ServerSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link LocalCheck} at server start (O1, O3) and enforces the profile (O2).
 *
 * <p>It runs when all singletons exist, which is before the web server starts its connectors:
 * Spring Boot binds the port in the lifecycle phase that follows, so a refused start never opens
 * the port. In production a FAIL refuses the start with {@link InsecureStartRefusedException}
 * unless {@code bulwark.allow-insecure-start=true}, which is logged at WARN and written to the
 * audit log (D4). In dev and test the findings are logged and the server starts.
 */
@Component
@ConditionalOnWebApplication
public final class StartupDoctor implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger("io.bulwark.doctor");

  private final ObjectProvider<LocalCheck> checks;
  private final ServerSettings settings;
  private final AuditTrail audit;

  public StartupDoctor(
      ObjectProvider<LocalCheck> checks, ServerSettings settings, AuditTrail audit) {
    this.checks = checks;
    this.settings = settings;
    this.audit = audit;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DoctorReport report = LocalChecks.run(checks.orderedStream().toList(), settings.profile());
    for (Finding f : report.findings()) {
      String status = f.status().label();
      switch (f.status()) {
        case FAIL ->
            LOG.error("doctor {} {}: {} (fix: {})", status, f.checkId(), f.message(), f.fix());
        case WARN, NOT_IMPLEMENTED ->
            LOG.warn("doctor {} {}: {} (fix: {})", status, f.checkId(), f.message(), f.fix());
        default -> LOG.debug("doctor PASS {}: {}", f.checkId(), f.message());
      }
    }
    List<Finding> failures = report.failures();
    if (failures.isEmpty() || settings.profile() != BulwarkProfile.PRODUCTION) {
      LOG.info(
          "doctor at start: {} PASS, {} WARN, {} NOT-IMPLEMENTED, {} FAIL (profile {})",
          report.count(CheckStatus.PASS),
          report.count(CheckStatus.WARN),
          report.count(CheckStatus.NOT_IMPLEMENTED),
          report.count(CheckStatus.FAIL),
          settings.profile());
      return;
    }
    if (!settings.allowInsecureStart()) {
      throw new InsecureStartRefusedException(failures);
    }
    LOG.warn(
        "bulwark.allow-insecure-start=true: override active, starting in profile production"
            + " despite {} FAIL(s): {}",
        failures.size(),
        failures.stream().map(Finding::checkId).toList());
    audit.append(
        null,
        "insecure_start_override",
        "bulwark.allow-insecure-start",
        Map.of(
            "profile",
            settings.profile().name().toLowerCase(Locale.ROOT),
            "failures",
            String.join(",", failures.stream().map(Finding::checkId).toList())));
  }
}
