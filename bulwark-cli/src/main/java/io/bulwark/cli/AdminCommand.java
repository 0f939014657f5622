package io.bulwark.cli;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.server.engine.KeyStorePassphrase;
import io.bulwark.server.engine.KeyStoreSettings;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code bulwark admin}: offline administration of an embedded data directory (D1, D2). Stop the
 * server first: the database file is locked while it runs. The user commands ({@link
 * OperatorCommand}) work with the server running too. The key store is unlocked with the
 * key-management key {@code --kms-key-uri} (its plug-in on the class path), else the passphrase
 * from {@code --passphrase-file}, else {@value KeyStoreSettings#PASSPHRASE_ENV}, else the generated
 * development default beside the data, as for {@code serve}. With the server running on the data
 * directory it refuses and says what to do instead ({@link RunningServer}).
 */
final class AdminCommand {

  static final String USAGE_TEXT =
      """
      usage: bulwark admin encrypt-database [OPTIONS]  encrypt the embedded database (with a backup)
             bulwark admin keys list [OPTIONS]         the key store's keys, primary first
             bulwark admin keys rotate [OPTIONS]       a new primary key re-encrypts stored values
                                                       (server running: POST /engine-rest/key/rotate)
             bulwark admin keys destroy ID [OPTIONS]   delete a key: what it encrypted is lost
             bulwark admin keys rewrap (--to-kms-key-uri URI | --to-passphrase-file FILE)
                       [--keep-backup] [OPTIONS]       the key store under another key (D2)
             bulwark admin config encrypt SETTING [OPTIONS] < value
                                                       an encrypted configuration value (D3)
      options: --data-dir DIR (BULWARK_DATA_DIR, default ./data), --passphrase-file FILE,
               --kms-key-uri URI (a key-management plug-in's key instead of a passphrase)
      users (the server may run): bulwark admin user create|reset-password|disable|enable ID,
             bulwark admin unlock ID, bulwark admin locked (bulwark admin user for details)
      audit log (the server may run): bulwark admin audit verify|export""";

  private AdminCommand() {}

  static int run(
      List<String> args, UnaryOperator<String> environment, PrintStream out, PrintStream err) {
    return run(args, environment, System.in, out, err);
  }

  static int run(
      List<String> arguments,
      UnaryOperator<String> environment,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    if (!arguments.isEmpty() && OperatorCommand.COMMANDS.contains(arguments.get(0))) {
      return OperatorCommand.run(arguments, environment, out, err);
    }
    KeyRewrap.Options rewrap = KeyRewrap.Options.extract(arguments);
    List<String> args = rewrap.rest();
    List<String> words = new ArrayList<>();
    Path dataDir =
        Path.of(Optional.ofNullable(environment.apply("BULWARK_DATA_DIR")).orElse("data"));
    Path passphraseFile = null;
    String kmsKeyUri = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--kms-key-uri") && i + 1 < args.size()) {
        kmsKeyUri = args.get(++i);
      } else if ((arg.equals("--data-dir") || arg.equals("--passphrase-file"))
          && i + 1 < args.size()) {
        Path value = Path.of(args.get(++i));
        if (arg.equals("--data-dir")) {
          dataDir = value;
        } else {
          passphraseFile = value;
        }
      } else if (arg.startsWith("--")) {
        throw new UsageException("unknown or incomplete option " + arg + "\n" + USAGE_TEXT);
      } else {
        words.add(arg);
      }
    }
    Optional<String> running =
        ConfigEncryption.worksWhileRunning(words)
            ? Optional.empty()
            : RunningServer.advice(dataDir, words);
    if (running.isPresent()) {
      err.println("bulwark admin: " + running.get());
      return 1;
    }
    try {
      EmbeddedStorageAdmin admin =
          KeyStorePassphrase.embedded(
                  BulwarkEngine.builder(),
                  dataDir,
                  new KeyStoreSettings(passphraseFile, kmsKeyUri),
                  environment)
              .embeddedAdmin();
      if (KeyRewrap.applies(words)) {
        return KeyRewrap.run(rewrap, admin, dataDir, out);
      }
      if (ConfigEncryption.worksWhileRunning(words)) {
        return ConfigEncryption.run(words, admin, in, out);
      }
      return execute(words, admin, dataDir, out);
    } catch (BulwarkException
        | IllegalStateException
        | IllegalArgumentException
        | java.io.UncheckedIOException e) {
      err.println("bulwark admin: " + e.getMessage());
      return 1;
    }
  }

  private static int execute(
      List<String> words, EmbeddedStorageAdmin admin, Path dataDir, PrintStream out) {
    String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
    switch (command) {
      case "encrypt-database" -> {
        Optional<Path> backup = admin.encryptDatabase();
        if (backup.isEmpty()) {
          out.println("nothing to encrypt: the embedded database in " + dataDir + " is encrypted");
        } else {
          out.println("encrypted the embedded database in " + dataDir.resolve("db"));
          out.println(
              "the unencrypted original is in "
                  + backup.get()
                  + ": check that the server starts, then delete it (it holds your data in clear)");
        }
      }
      case "keys list" -> admin.listKeys().forEach(k -> out.println(describe(k)));
      case "keys rotate" -> out.println("new primary " + describe(admin.rotateKey()));
      case "keys destroy" -> {
        if (words.size() != 3 || !words.get(2).matches("-?[0-9]+")) {
          throw new UsageException("keys destroy needs a key id\n" + USAGE_TEXT);
        }
        int id = Integer.parseInt(words.get(2));
        admin.destroyKey(id);
        out.println("destroyed key " + id + ": what it alone encrypted can no longer be read");
      }
      default -> throw new UsageException("unknown admin command " + command + "\n" + USAGE_TEXT);
    }
    return 0;
  }

  private static String describe(KeyInfo key) {
    return String.format(
        Locale.ROOT,
        "key %d  %s  %s  values %d",
        key.id(),
        key.algorithm(),
        key.primary() ? "primary" : "-",
        key.values());
  }
}
