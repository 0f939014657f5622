package io.bulwark.cli;

import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.engine.DatabasePassword;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code bulwark admin keys rewrap --to-kms-key-uri URI | --to-passphrase-file FILE
 * [--keep-backup]}: moves the key store, offline, from its passphrase to a key-management key,
 * back, or to a new passphrase (D2). The key store is opened as for every admin command (its
 * current {@code --kms-key-uri} or passphrase); the key set is wrapped anew and written atomically;
 * the old file is kept only with {@code --keep-backup}.
 */
final class KeyRewrap {

  /** The target of a re-wrap and whether to keep the old file, taken out of the arguments. */
  record Options(
      @Nullable String toKmsKeyUri,
      @Nullable Path toPassphraseFile,
      boolean keepBackup,
      List<String> rest) {

    static Options extract(List<String> args) {
      String kms = null;
      Path passphrase = null;
      boolean keep = false;
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (arg.equals("--to-kms-key-uri") && i + 1 < args.size()) {
          kms = args.get(++i);
        } else if (arg.equals("--to-passphrase-file") && i + 1 < args.size()) {
          passphrase = Path.of(args.get(++i));
        } else if (arg.equals("--keep-backup")) {
          keep = true;
        } else {
          rest.add(arg);
        }
      }
      return new Options(kms, passphrase, keep, List.copyOf(rest));
    }
  }

  private KeyRewrap() {}

  static boolean applies(List<String> words) {
    return words.size() >= 2 && words.get(0).equals("keys") && words.get(1).equals("rewrap");
  }

  static int run(Options options, EmbeddedStorageAdmin admin, Path dataDir, PrintStream out) {
    if ((options.toKmsKeyUri() == null) == (options.toPassphraseFile() == null)) {
      throw new UsageException(
          "keys rewrap needs exactly one of --to-kms-key-uri URI and --to-passphrase-file FILE\n"
              + AdminCommand.USAGE_TEXT);
    }
    Optional<Path> backup;
    String target;
    if (options.toKmsKeyUri() != null) {
      backup = admin.rewrapKeyStoreWithKms(options.toKmsKeyUri(), options.keepBackup());
      target = "the key-management key " + options.toKmsKeyUri();
    } else {
      try (Secret passphrase =
          DatabasePassword.readSecretFile(
              options.toPassphraseFile(), "new key store passphrase file")) {
        backup = admin.rewrapKeyStoreWithPassphrase(passphrase, options.keepBackup());
      }
      target = "the passphrase in " + options.toPassphraseFile();
    }
    out.println("the key store of " + dataDir + " is now protected by " + target);
    backup.ifPresent(
        b ->
            out.println(
                "the old key store file is in "
                    + b
                    + ": it still opens with the old key; delete it once the server starts"));
    out.println(
        "start the server with the new key (bulwark.keystore.kms-key-uri or"
            + " bulwark.keystore.passphrase-file); encrypt {bulwark-aead} settings again (./bulwark"
            + " admin config encrypt): they were bound to the old key");
    return 0;
  }
}
