package io.bulwark.server.engine;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The external database, bound from {@code bulwark.database.*}. When {@code url} is empty (the
 * default), the server uses embedded H2 under {@code bulwark.data-dir}.
 *
 * @param url a JDBC URL, e.g. {@code jdbc:postgresql://db:5432/bulwark?sslmode=verify-full}
 * @param username the database user
 * @param passwordFile a file holding the password, readable by its owner only (D3); when empty, the
 *     password comes from environment variable {@value #PASSWORD_ENV}
 */
@ConfigurationProperties("bulwark.database")
public record DatabaseSettings(String url, String username, Path passwordFile) {

  /** The environment variable that may hold the database password instead of a file (D3). */
  public static final String PASSWORD_ENV = "BULWARK_DATABASE_PASSWORD";

  /** A password parameter (PostgreSQL {@code password=}, H2 {@code ;PASSWORD=}) or user info. */
  private static final Pattern CREDENTIALS_IN_URL =
      Pattern.compile("password=|//[^/@?;]*:[^/@?;]*@", Pattern.CASE_INSENSITIVE);

  public DatabaseSettings {
    url = url == null || url.isBlank() ? null : url.strip();
    username = username == null ? "" : username.strip();
    if (url != null && !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "invalid bulwark.database.url; it must start with jdbc: (for example"
              + " jdbc:postgresql://host:5432/bulwark)");
    }
    if (url != null && CREDENTIALS_IN_URL.matcher(url).find()) {
      throw new IllegalArgumentException(
          "bulwark.database.url must not carry a password (D3: no plain-text secrets in"
              + " configuration); put it in bulwark.database.password-file (mode 600) or "
              + PASSWORD_ENV);
    }
    if (url != null && username.isEmpty()) {
      throw new IllegalArgumentException("bulwark.database.username is required with a url");
    }
    passwordFile = passwordFile == null ? null : passwordFile.toAbsolutePath().normalize();
  }

  /** Whether an external database is configured; otherwise embedded H2. */
  public boolean external() {
    return url != null;
  }
}
