package io.bulwark.server.doctor;

import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.config.ServerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * O3: site configuration and data live outside the distribution, so that an upgrade, which replaces
 * the distribution's directory, never overwrites them. The distribution is the directory of the
 * running {@code bulwark.jar}; the site configuration is every file given with {@code --config}
 * (Spring's {@code spring.config.additional-location}). FAIL when one of them, or the data
 * directory, lies inside the distribution. (Migrations are versioned by Flyway, which refuses to
 * start on a changed one, and doctor runs at every start: both hold by construction.)
 */
@Component
final class O3ConfigurationPlacementCheck implements LocalCheck {

  static final String LOCATIONS = "spring.config.additional-location";

  private final Path distribution;
  private final List<Path> configFiles;
  private final Path dataDir;

  @Autowired
  O3ConfigurationPlacementCheck(Environment environment, ServerSettings settings) {
    this(
        new ApplicationHome(BulwarkServerApplication.class).getDir().toPath(),
        configFiles(environment.getProperty(LOCATIONS, "")),
        settings.dataDir());
  }

  O3ConfigurationPlacementCheck(Path distribution, List<Path> configFiles, Path dataDir) {
    this.distribution = normal(distribution);
    this.configFiles = configFiles.stream().map(O3ConfigurationPlacementCheck::normal).toList();
    this.dataDir = normal(dataDir);
  }

  @Override
  public String id() {
    return "O3";
  }

  @Override
  public Finding run() {
    List<String> inside = new ArrayList<>();
    for (Path file : configFiles) {
      if (file.startsWith(distribution)) {
        inside.add("configuration " + file);
      }
    }
    if (dataDir.startsWith(distribution)) {
      inside.add("data directory " + dataDir);
    }
    if (!inside.isEmpty()) {
      return Finding.fail(
          id(),
          "inside the distribution directory "
              + distribution
              + ", where an upgrade replaces them: "
              + String.join(", ", inside),
          "move them to a directory of their own (for example /etc/bulwark and /var/lib/bulwark)"
              + " and pass --config FILE and --data-dir DIR");
    }
    return Finding.pass(
        id(),
        "configuration ("
            + (configFiles.isEmpty() ? "none given" : configFiles.size() + " file(s)")
            + ") and data directory lie outside the distribution directory "
            + distribution);
  }

  /** The files of a {@code spring.config.additional-location} value; class path entries skipped. */
  static List<Path> configFiles(String locations) {
    List<Path> files = new ArrayList<>();
    for (String location : locations.split(",", -1)) {
      String l = location.strip();
      if (l.startsWith("optional:")) {
        l = l.substring("optional:".length());
      }
      if (l.isEmpty() || l.startsWith("classpath")) {
        continue;
      }
      files.add(Path.of(l.startsWith("file:") ? l.substring("file:".length()) : l));
    }
    return files;
  }

  private static Path normal(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
