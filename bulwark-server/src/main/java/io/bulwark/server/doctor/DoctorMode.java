package io.bulwark.server.doctor;

import org.springframework.core.env.Environment;

/**
 * Marks a Spring context started by {@code bulwark doctor} (O1). Such a context has no web server
 * and must only read: a bean with side effects at start (creating the first administrator,
 * generating a certificate, running migrations that write) guards itself with
 * {@code @ConditionalOnProperty(name = DoctorMode.PROPERTY, havingValue = DoctorMode.SERVE,
 * matchIfMissing = true)}, or checks {@link #isDoctor(Environment)}.
 */
public final class DoctorMode {

  /** The property that names the mode; absent means {@link #SERVE}. */
  public static final String PROPERTY = "bulwark.mode";

  /** Value of {@link #PROPERTY} in a context started by {@code bulwark doctor}. */
  public static final String DOCTOR = "doctor";

  /** Value of {@link #PROPERTY} in a serving context (the default). */
  public static final String SERVE = "serve";

  private DoctorMode() {}

  /** True when the environment belongs to a read-only doctor context. */
  public static boolean isDoctor(Environment environment) {
    return DOCTOR.equals(environment.getProperty(PROPERTY, SERVE));
  }
}
