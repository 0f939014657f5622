package io.bulwark.cli;

import io.bulwark.server.config.BulwarkProfile;
import io.bulwark.server.doctor.BaselineTable;
import io.bulwark.server.doctor.DoctorException;
import io.bulwark.server.doctor.DoctorReport;
import io.bulwark.server.doctor.DoctorReportWriter;
import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalDoctor;
import io.bulwark.server.doctor.remote.ProbeOptions;
import io.bulwark.server.doctor.remote.ProbeTarget;
import io.bulwark.server.doctor.remote.RemoteProbe;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code bulwark doctor}: the hardening audit (O1). Local mode loads the server configuration
 * without a web server and runs every local check; remote mode ({@code --remote https://host:port})
 * probes a live server; {@code --markdown} prints the status of every baseline requirement as the
 * README's table. Exit status 0 without FAIL, 1 with a FAIL (or, in the production profile, a
 * NOT-IMPLEMENTED requirement), 2 on a usage error.
 */
public final class DoctorCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT =
      "usage: bulwark doctor [--data-dir DIR] [--config FILE] [--profile dev|test|production]"
          + " [--json]\n       bulwark doctor --remote https://host:port [--profile P] [--json]"
          + "\n       bulwark doctor --markdown";

  private static final Set<String> VALUED =
      Set.of("--data-dir", "--config", "--profile", "--remote");

  private DoctorCommand() {}

  /** Runs the command; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new LinkedHashMap<>();
    String problem = parse(args, options);
    if (problem != null) {
      err.println(problem);
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (options.containsKey("--markdown")) {
      out.print(BaselineTable.markdown());
      out.flush();
      return OK;
    }
    boolean json = options.containsKey("--json");
    DoctorReport report;
    try {
      report = options.containsKey("--remote") ? remote(options) : local(options, err);
    } catch (DoctorException e) {
      err.println("doctor: " + e.getMessage());
      return e instanceof UsageException ? USAGE : FAILED;
    }
    out.print(json ? DoctorReportWriter.json(report) + System.lineSeparator() : table(report));
    out.flush();
    return report.hasFail() ? FAILED : OK;
  }

  private static String table(DoctorReport report) {
    return DoctorReportWriter.table(report);
  }

  private static @Nullable String parse(String[] args, Map<String, String> options) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (arg.equals("--json") || arg.equals("--markdown")) {
        options.put(arg, "");
      } else if (VALUED.contains(name)) {
        String value;
        if (arg.contains("=")) {
          value = arg.substring(arg.indexOf('=') + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          return "missing value for " + name;
        }
        options.put(name, value);
      } else {
        return "unknown option: " + arg;
      }
    }
    if (options.containsKey("--remote")
        && (options.containsKey("--data-dir") || options.containsKey("--config"))) {
      return "--remote probes a live server; --data-dir and --config are for the local mode";
    }
    if (options.containsKey("--markdown") && options.size() > 1) {
      return "--markdown prints the baseline status table and takes no other option";
    }
    if (options.containsKey("--profile") && profile(options.get("--profile")) == null) {
      return "invalid --profile " + options.get("--profile") + "; use dev, test or production";
    }
    return null;
  }

  private static @Nullable BulwarkProfile profile(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return BulwarkProfile.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static DoctorReport remote(Map<String, String> options) {
    // Before any TLS use in this JVM, so that the probe can offer what it must test (T2, T3).
    RemoteProbe.prepareJvm();
    ProbeTarget target;
    try {
      target = ProbeTarget.parse(Objects.requireNonNull(options.get("--remote"), "--remote"));
    } catch (DoctorException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    BulwarkProfile profile =
        Objects.requireNonNullElse(profile(options.get("--profile")), BulwarkProfile.DEV);
    return new RemoteProbe(Clock.systemUTC()).probe(target, new ProbeOptions(profile));
  }

  private static DoctorReport local(Map<String, String> options, PrintStream err) {
    List<String> springArgs = new ArrayList<>();
    if (options.containsKey("--data-dir")) {
      springArgs.add("--bulwark.data-dir=" + options.get("--data-dir"));
    }
    if (options.containsKey("--profile")) {
      springArgs.add("--bulwark.profile=" + options.get("--profile"));
    }
    if (options.containsKey("--config")) {
      Path config = Path.of(options.get("--config")).toAbsolutePath();
      if (!Files.isReadable(config)) {
        throw new UsageException("cannot read config file " + config);
      }
      springArgs.add("--spring.config.additional-location=file:" + config);
    }
    // A context that cannot start becomes one O1 finding below; no stack trace on the console.
    springArgs.addAll(QuietSpring.LOGGING);
    springArgs.add("--logging.level.org.springframework.context=ERROR");
    // Keep stdout for the report alone (--json stays parsable).
    try {
      return QuietSpring.withLogsOn(err, () -> LocalDoctor.run(springArgs.toArray(String[]::new)));
    } catch (DoctorException e) {
      throw e;
    } catch (RuntimeException e) {
      BulwarkProfile profile =
          Objects.requireNonNullElse(profile(options.get("--profile")), BulwarkProfile.DEV);
      return new DoctorReport(DoctorReport.LOCAL, profile, List.of(loadFailure(e)));
    }
  }

  private static Finding loadFailure(RuntimeException e) {
    String message = rootMessage(e);
    if (embeddedDatabaseLocked(e)) {
      return Finding.fail(
          "O1",
          "the embedded database is in use, most likely by a running server",
          "stop the server to audit its data directory, or probe the running server with"
              + " bulwark doctor --remote https://host:port");
    }
    return Finding.fail(
        "O1",
        "the configuration could not be loaded: " + message,
        "fix the setting named above and run doctor again");
  }

  /** H2 refuses a second process (or channel) on its file: "The file is locked: ...". */
  private static boolean embeddedDatabaseLocked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("The file is locked")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** A usage error found after parsing: exit status 2. */
  private static final class UsageException extends DoctorException {
    UsageException(String message) {
      super(message);
    }
  }
}
