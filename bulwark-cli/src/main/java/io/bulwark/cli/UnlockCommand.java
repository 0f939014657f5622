package io.bulwark.cli;

import io.bulwark.server.auth.OfflineUnlock;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code bulwark admin unlock USER}: lifts every login-throttle lock of an account (A5). It opens
 * the data directory itself, so the server must be stopped (the embedded database opens in one
 * process); with the server running, an administrator uses {@code POST
 * /engine-rest/user/USER/unlock}. Exit status 0 when unlocked, 1 when the user does not exist or
 * the database cannot be opened, 2 on a usage error.
 */
final class UnlockCommand {

  static final String USAGE_TEXT =
      "usage: bulwark admin unlock USER [--data-dir DIR] [--config FILE] [--passphrase-file FILE]";

  private UnlockCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() < 2 || !args.get(0).equals("unlock") || args.get(1).startsWith("-")) {
      throw new UsageException(USAGE_TEXT);
    }
    String userId = args.get(1);
    List<String> springArgs = springArgs(args.subList(2, args.size()));
    PrintStream stdout = System.out;
    // Spring logs to System.out; keep stdout for the command's own answer.
    System.setOut(err);
    Optional<Integer> lifted;
    try {
      lifted = OfflineUnlock.unlock(userId, springArgs.toArray(String[]::new));
    } catch (RuntimeException e) {
      err.println(
          "bulwark admin: cannot open the data directory ("
              + e.getClass().getSimpleName()
              + "); if the server is running, stop it or use POST /engine-rest/user/"
              + userId
              + "/unlock");
      return 1;
    } finally {
      System.setOut(stdout);
    }
    if (lifted.isEmpty()) {
      err.println("bulwark admin: no user " + userId);
      return 1;
    }
    out.println("unlocked " + userId + " (" + lifted.get() + " locks lifted)");
    return 0;
  }

  private static List<String> springArgs(List<String> options) {
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      String name = options.get(i);
      if (i + 1 >= options.size()) {
        throw new UsageException("missing value for " + name + "\n" + USAGE_TEXT);
      }
      String value = options.get(++i);
      switch (name) {
        case "--data-dir" -> springArgs.add("--bulwark.data-dir=" + value);
        case "--passphrase-file" -> springArgs.add("--bulwark.keystore.passphrase-file=" + value);
        case "--config" -> {
          Path config = Path.of(value).toAbsolutePath();
          if (!Files.isReadable(config)) {
            throw new UsageException("cannot read config file " + config);
          }
          springArgs.add("--spring.config.additional-location=file:" + config);
        }
        default -> throw new UsageException("unknown option: " + name + "\n" + USAGE_TEXT);
      }
    }
    springArgs.add("--logging.level.root=WARN");
    springArgs.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
    springArgs.add("--logging.level.com.zaxxer.hikari=OFF");
    return springArgs;
  }
}
