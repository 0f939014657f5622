package io.bulwark.engine.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * The engine's database: a data source, migrated by Flyway at open with the same SQL on H2 and
 * PostgreSQL (migrations under {@code db/migration}; V1–V9 foundation, V10+ runtime), except where
 * one of them can do better: {@code db/dialect/postgresql} and {@code db/dialect/h2} hold a version
 * each, under the same number. Owns and closes the HikariCP pool when it created one; a data source
 * passed in stays the caller's. Thread-safe.
 */
public final class Database implements AutoCloseable {

  /** H2 settings that make H2 accept the PostgreSQL dialect our migrations use. */
  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * Durability of the embedded file: H2 by default writes committed transactions to its file up to
   * 500 ms later (WRITE_DELAY), so a killed process lost starts whose call had returned. With 0,
   * each commit is written to the file before the commit returns, and a crash of the process (kill
   * -9) loses nothing acknowledged. H2 does not fsync each commit: a power loss or kernel crash can
   * still lose the newest commits that the operating system had not yet written; PostgreSQL is the
   * storage for that guarantee.
   */
  static final String H2_DURABLE_COMMITS = ";WRITE_DELAY=0";

  private static final int MAXIMUM_POOL_SIZE = 10;

  private final DataSource dataSource;
  private final @Nullable HikariDataSource ownedPool;

  private Database(DataSource dataSource, @Nullable HikariDataSource ownedPool) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
  }

  private static Database owning(HikariDataSource pool) {
    return new Database(pool, pool);
  }

  /** Uses a data source the caller owns and closes; migrates it. */
  public static Database external(DataSource dataSource) {
    requireReadCommitted(Objects.requireNonNull(dataSource, "dataSource"));
    return migrated(new Database(dataSource, null));
  }

  /**
   * The engine's optimistic locking and job acquisition assume READ COMMITTED, the default of
   * PostgreSQL and H2; commands do not set it per transaction (a round trip each on PostgreSQL).
   */
  private static void requireReadCommitted(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      int level = connection.getTransactionIsolation();
      if (level != Connection.TRANSACTION_READ_COMMITTED) {
        throw new DatabaseException(
            "the data source's connections use isolation level "
                + level
                + "; the engine needs READ COMMITTED ("
                + Connection.TRANSACTION_READ_COMMITTED
                + ")",
            null);
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot connect to the database", e);
    }
  }

  /**
   * Embedded H2 in file mode at {@code dataDir/db/bulwark}, encrypted with the file password (H2's
   * {@code CIPHER=AES}, D1), each commit written before it returns ({@link #H2_DURABLE_COMMITS}).
   * The {@code db} directory is created (or tightened to) owner-only, and the database files are
   * made owner-only after opening.
   *
   * @param filePassword the file password from the key store; not kept beyond the pool's copy
   * @throws DatabaseException the existing file is not encrypted (run {@code bulwark admin
   *     encrypt-database}) or the password does not open it
   */
  public static Database embedded(Path dataDir, Secret filePassword) {
    Path dbDir = dbDir(dataDir);
    OwnerOnlyFiles.createDirectories(dbDir);
    if (EmbeddedFiles.isPlain(dbDir)) {
      throw new DatabaseException(
          "the embedded database "
              + EmbeddedFiles.file(dbDir)
              + " is not encrypted; run `bulwark admin encrypt-database` (it keeps a backup)",
          null);
    }
    String url = embeddedUrl(dataDir) + H2_DURABLE_COMMITS;
    char[] password = embeddedPassword(filePassword);
    try {
      Database database = migrated(owning(pool(url, "bulwark", password)));
      OwnerOnlyFiles.restrictChildren(dbDir);
      return database;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The directory of the embedded database files. */
  public static Path dbDir(Path dataDir) {
    return dataDir.toAbsolutePath().normalize().resolve("db");
  }

  /** The JDBC URL of the encrypted embedded database (without the durability setting). */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dbDir(dataDir).resolve("bulwark") + H2_OPTIONS + ";CIPHER=AES";
  }

  /**
   * H2's password of an encrypted file: the file password, a space, the user's password (empty).
   * The caller clears the array.
   */
  public static char[] embeddedPassword(Secret filePassword) {
    char[] file = filePassword.reveal();
    char[] both = Arrays.copyOf(file, file.length + 1);
    both[file.length] = ' ';
    Arrays.fill(file, '\0');
    return both;
  }

  /**
   * A database reached by JDBC URL, pooled here. The password array is copied into the pool's
   * configuration (HikariCP keeps it as a String) and may be wiped by the caller afterwards.
   */
  public static Database jdbc(String url, String username, char[] password) {
    return migrated(owning(pool(url, username, password)));
  }

  private static HikariDataSource pool(String url, String username, char[] password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("bulwark");
    config.setJdbcUrl(url);
    config.setUsername(username);
    config.setPassword(new String(password));
    config.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseException("cannot connect to the database at " + redact(url), e);
    }
  }

  private static Database migrated(Database database) {
    try {
      Flyway.configure()
          .dataSource(database.dataSource())
          .locations(migrationLocations(database.dataSource()))
          .failOnMissingLocations(true)
          .load()
          .migrate();
      return database;
    } catch (FlywayException | DatabaseException e) {
      database.close();
      throw new DatabaseException("database migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * Where Flyway finds the migrations of this data source's database: the common ones, then those
   * of its dialect ({@code db/dialect/h2} or {@code db/dialect/postgresql}).
   */
  public static String[] migrationLocations(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new DatabaseException("cannot connect to the database", e);
    }
    String dialect =
        switch (product) {
          case "H2" -> "h2";
          case "PostgreSQL" -> "postgresql";
          default ->
              throw new DatabaseException(
                  "unsupported database " + product + ": Bulwark runs on H2 and PostgreSQL", null);
        };
    return new String[] {"classpath:db/migration", "classpath:db/dialect/" + dialect};
  }

  /** The URL without parameters, which may carry credentials. */
  static String redact(String url) {
    int cut = url.indexOf('?');
    int semicolon = url.indexOf(';');
    if (semicolon >= 0 && (cut < 0 || semicolon < cut)) {
      cut = semicolon;
    }
    return cut < 0 ? url : url.substring(0, cut);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Closes the pool if this database created it. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  /** Creates directories and tightens permissions to the owner where the file system allows. */
  static final class OwnerOnlyFiles {
    private OwnerOnlyFiles() {}

    static void createDirectories(Path dir) {
      try {
        Files.createDirectories(dir);
        if (isPosix(dir)) {
          Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create database directory " + dir, e);
      }
    }

    static void restrictChildren(Path dir) {
      if (!isPosix(dir)) {
        return;
      }
      try (var files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot restrict permissions in " + dir, e);
      }
    }

    private static boolean isPosix(Path path) {
      return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
  }
}
