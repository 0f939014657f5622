package io.bulwark.server.doctor;

import org.springframework.stereotype.Component;

/**
 * O1/O3: the hardening audit runs at every start ({@link StartupDoctor}) and on demand with {@code
 * bulwark doctor}; this check is the report's proof that the audit itself is in place.
 */
@Component
final class O1DoctorCheck implements LocalCheck {

  @Override
  public String id() {
    return "O1";
  }

  @Override
  public Finding run() {
    return Finding.pass(
        "O1", "doctor runs at every server start and with 'bulwark doctor' (local and remote)");
  }
}
