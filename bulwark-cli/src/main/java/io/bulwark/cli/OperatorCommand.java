package io.bulwark.cli;

import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.LockedAccount;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.server.operator.AdminChannelFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@code bulwark admin user …}, {@code unlock} and {@code locked}: what an operator does to users
 * without the web apps (issue 12 item 9), whether the server runs or not. When the data directory
 * holds the running server's {@link AdminChannelFile}, the command goes through its admin channel
 * on loopback; otherwise (no file, or nothing listens there any more) it opens the data directory
 * itself. Either way the same operation runs as the operator principal and is logged (A7). Exit
 * status 0 when done, 1 when refused or the data cannot be reached, 2 on a usage error.
 */
final class OperatorCommand {

  static final String USAGE_TEXT =
      """
      usage: bulwark admin user create ID [--first NAME] [--last NAME] [--email ADDRESS] [OPTIONS]
             bulwark admin user reset-password ID [OPTIONS]
             bulwark admin user disable ID [OPTIONS]
             bulwark admin user enable ID [OPTIONS]
             bulwark admin unlock ID [OPTIONS]
             bulwark admin locked [OPTIONS]
             bulwark admin audit verify [OPTIONS]  check the audit log; exit 1 names the first bad record
             bulwark admin audit export [OPTIONS]  the audit log as JSON lines, in chain order
      options: --data-dir DIR (BULWARK_DATA_DIR, default ./data), --config FILE, --passphrase-file FILE""";

  /** The first words of the commands handled here. */
  static final Set<String> COMMANDS = Set.of("user", "unlock", "locked", "audit");

  private static final Set<String> PROFILE_OPTIONS = Set.of("--first", "--last", "--email");

  private OperatorCommand() {}

  static int run(
      List<String> args, UnaryOperator<String> environment, PrintStream out, PrintStream err) {
    List<String> words = new ArrayList<>();
    Map<String, String> options = new HashMap<>();
    List<String> placeOptions = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        words.add(arg);
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new UsageException("missing value for " + arg + "\n" + USAGE_TEXT);
      }
      String value = args.get(++i);
      if (arg.equals("--data-dir") || arg.equals("--config")) {
        placeOptions.add(arg);
        placeOptions.add(value);
      } else if (!arg.equals("--passphrase-file") && !PROFILE_OPTIONS.contains(arg)) {
        throw new UsageException("unknown option: " + arg + "\n" + USAGE_TEXT);
      }
      options.put(arg, value);
    }
    Function<Operator, String> operation = operation(words, options);
    ServeOptions place = ServeOptions.parse(placeOptions, environment);
    try {
      out.println(perform(operation, place, options.get("--passphrase-file"), err));
      return 0;
    } catch (BulwarkException | OperatorFailure refused) {
      err.println("bulwark admin: " + refused.getMessage());
      return 1;
    }
  }

  /** The operation the words name, as a function giving the text to print. */
  private static Function<Operator, String> operation(
      List<String> words, Map<String, String> options) {
    String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
    int idWords = command.startsWith("user ") ? 3 : 2;
    if (command.equals("locked") && words.size() == 1) {
      return operator -> describe(operator.lockedAccounts());
    }
    if (command.equals("audit verify") && words.size() == 2) {
      return operator -> AuditText.verified(operator.verifyAudit());
    }
    if (command.equals("audit export") && words.size() == 2) {
      return AuditText::export;
    }
    if (words.size() != idWords || words.get(idWords - 1).startsWith("-")) {
      throw new UsageException(USAGE_TEXT);
    }
    String id = words.get(idWords - 1);
    if (!command.equals("user create")
        && options.keySet().stream().anyMatch(PROFILE_OPTIONS::contains)) {
      throw new UsageException("--first, --last and --email go with user create\n" + USAGE_TEXT);
    }
    return switch (words.get(0).equals("unlock") ? "unlock" : command) {
      case "user create" -> {
        UserProfile profile =
            new UserProfile(
                options.get("--first"), options.get("--last"), null, options.get("--email"));
        yield operator -> oneTime("created user " + id, operator.createUser(id, profile));
      }
      case "user reset-password" ->
          operator ->
              oneTime(
                  "reset the password of " + id + "; their sessions and tokens have ended",
                  operator.resetPassword(id));
      case "user disable" ->
          operator -> {
            operator.disable(id);
            return "disabled " + id + "; their sessions and tokens have ended";
          };
      case "user enable" ->
          operator -> {
            operator.enable(id);
            return "enabled " + id;
          };
      case "unlock" -> operator -> "unlocked " + id + " (" + operator.unlock(id) + " locks lifted)";
      default -> throw new UsageException("unknown admin command " + command + "\n" + USAGE_TEXT);
    };
  }

  /**
   * Runs the operation through the running server's admin channel when there is one, else on the
   * data directory.
   */
  private static String perform(
      Function<Operator, String> operation,
      ServeOptions place,
      @Nullable String passphraseFile,
      PrintStream err) {
    Optional<AdminChannelFile> channel;
    try {
      channel = AdminChannelFile.read(place.dataDir());
    } catch (IOException e) {
      throw new OperatorFailure("cannot read the admin channel file: " + e.getMessage());
    }
    if (channel.isPresent()) {
      AdminChannelClient client = new AdminChannelClient(channel.get());
      try {
        String result = operation.apply(client);
        err.println("bulwark admin: done through the running server at " + client.uri());
        return result;
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof ConnectException)) {
          throw new OperatorFailure(
              "the running server at " + client.uri() + " did not answer: " + e.getMessage());
        }
        err.println(
            "bulwark admin: no server answers at "
                + client.uri()
                + " (left over from a server that stopped); opening the data directory");
      }
    }
    return offline(operation, place, passphraseFile, err);
  }

  private static String offline(
      Function<Operator, String> operation,
      ServeOptions place,
      @Nullable String passphraseFile,
      PrintStream err) {
    List<String> springArgs = new ArrayList<>();
    springArgs.add("--bulwark.data-dir=" + place.dataDir());
    place
        .effectiveConfig()
        .ifPresent(file -> springArgs.add("--spring.config.additional-location=file:" + file));
    if (passphraseFile != null) {
      springArgs.add("--bulwark.keystore.passphrase-file=" + passphraseFile);
    }
    springArgs.addAll(QuietSpring.LOGGING);
    try {
      return QuietSpring.withLogsOn(err, () -> OfflineOperatorAdapter.run(operation, springArgs));
    } catch (BulwarkException | OperatorFailure refused) {
      throw refused;
    } catch (RuntimeException e) {
      throw new OperatorFailure(
          "cannot open the data directory "
              + place.dataDir()
              + " ("
              + e.getClass().getSimpleName()
              + "); if the server runs with its internal services off, stop it first",
          e);
    }
  }

  private static String oneTime(String done, Secret password) {
    try (password) {
      return done
          + "\none-time password (shown once; it must be changed at the first login): "
          + new String(password.reveal());
    }
  }

  private static String describe(List<LockedAccount> locked) {
    if (locked.isEmpty()) {
      return "no locked accounts";
    }
    StringBuilder text = new StringBuilder();
    for (LockedAccount account : locked) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(account.userId())
          .append("  from ")
          .append(account.clientAddress())
          .append("  failures ")
          .append(account.failures())
          .append("  until ")
          .append(account.lockedUntil());
    }
    return text.toString();
  }
}
