package io.bulwark.server.engine;

import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.User;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The first start (A2): when no user exists, creates {@code admin} with a random one-time password,
 * writes it to {@code DATA_DIR/initial-admin-password} (mode 0600 from creation) and prints it once
 * on the operator's console (standard output), never through a logger (A7): logger {@value #LOGGER}
 * only says, at WARN, that it was created and where to find it. Once the administrator has changed
 * it, the file is deleted at the next start, while the beans are created: before the start-up
 * doctor looks for it.
 */
public final class InitialAdministratorBootstrap implements InitializingBean, ApplicationRunner {

  /** The dedicated logger of the one line that shows the initial password. */
  public static final String LOGGER = "bulwark.bootstrap";

  /** The file name under the data directory. */
  public static final String PASSWORD_FILE = "initial-admin-password";

  private static final Logger BOOTSTRAP = LoggerFactory.getLogger(LOGGER);
  private static final String BANNER = "*".repeat(78);

  private final IdentityService identity;
  private final Path passwordFile;
  private final PrintStream console;

  /** Prints to this process's standard output. */
  public InitialAdministratorBootstrap(IdentityService identity, Path dataDir) {
    this(identity, dataDir, OperatorConsole.stdout());
  }

  InitialAdministratorBootstrap(IdentityService identity, Path dataDir, PrintStream console) {
    this.identity = identity;
    this.passwordFile = dataDir.resolve(PASSWORD_FILE);
    this.console = console;
  }

  @Override
  public void afterPropertiesSet() {
    deleteFileOnceChanged();
  }

  @Override
  public void run(ApplicationArguments args) {
    Optional<Secret> created = identity.ensureInitialAdministrator();
    if (created.isPresent()) {
      try (Secret password = created.get()) {
        announce(password);
      }
    }
  }

  private void announce(Secret password) {
    char[] chars = password.reveal();
    byte[] utf8 = password.utf8();
    byte[] bytes = Arrays.copyOf(utf8, utf8.length + 1);
    Arrays.fill(utf8, (byte) 0);
    bytes[bytes.length - 1] = '\n';
    try {
      Files.createDirectories(passwordFile.getParent());
      OwnerOnlyFile.write(passwordFile, bytes);
      BOOTSTRAP.warn(
          "First start: created user '{}' with a one-time password, printed on the console and"
              + " in {} (A2)",
          IdentityService.INITIAL_ADMINISTRATOR,
          passwordFile);
      // The password goes to the console as characters: no String copy of it is made here.
      OperatorConsole.print(
          console,
          "\n"
              + BANNER
              + "\n  First start: created user '"
              + IdentityService.INITIAL_ADMINISTRATOR
              + "' with one-time password\n\n      ",
          chars,
          "\n\n  (also in "
              + passwordFile
              + ", readable by its owner only).\n"
              + "  Log in and change it now; it is shown only this once (A2).\n"
              + BANNER
              + "\n\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + passwordFile, e);
    } finally {
      Arrays.fill(chars, '\0');
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private void deleteFileOnceChanged() {
    boolean changed =
        identity
            .findUser(IdentityService.INITIAL_ADMINISTRATOR)
            .map(user -> !user.mustChangePassword())
            .orElse(true);
    if (changed && Files.exists(passwordFile)) {
      try {
        Files.delete(passwordFile);
        BOOTSTRAP.info("deleted {}: the initial password was changed", passwordFile);
      } catch (IOException e) {
        BOOTSTRAP.warn("cannot delete {}: {}", passwordFile, e.getMessage());
      }
    }
  }

  /** Whether the initial administrator still has the one-time password; false if absent. */
  static boolean mustChange(Optional<User> admin) {
    return admin.map(User::mustChangePassword).orElse(false);
  }
}
