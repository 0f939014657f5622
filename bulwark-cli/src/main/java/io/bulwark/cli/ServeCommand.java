package io.bulwark.cli;

import io.bulwark.server.BulwarkServerApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** {@code bulwark serve}: prepares the data directory and runs the server until stopped. */
final class ServeCommand {

  private ServeCommand() {}

  /** Starts the server; returns the process exit status when it could not start. */
  static int run(List<String> args) {
    if (args.contains("--help") || args.contains("-h")) {
      System.out.println(ServeOptions.USAGE);
      return 0;
    }
    ServeOptions options = ServeOptions.parse(args, System::getenv);
    createDataDir(options.dataDir());
    options
        .effectiveConfig()
        .ifPresent(file -> System.out.println("bulwark: configuration " + file));
    ConfigurableApplicationContext context;
    try {
      context = BulwarkServerApplication.start(options.springArguments().toArray(new String[0]));
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark: the server did not start: "
              + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
      return 1;
    }
    long millis = ManagementFactory.getRuntimeMXBean().getUptime();
    System.out.printf(
        "bulwark: serving https://localhost:%d/ (profile %s, data %s), started in %.1f s%n",
        options.port(),
        options.profile().name().toLowerCase(java.util.Locale.ROOT),
        options.dataDir(),
        millis / 1000.0);
    return context.isActive() ? 0 : 1;
  }

  /** Creates the data directory with mode 0700 when missing. */
  private static void createDataDir(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UsageException("--data-dir: cannot create " + dir + ": " + e.getMessage());
    }
  }
}
