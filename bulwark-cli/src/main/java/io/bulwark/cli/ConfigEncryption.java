package io.bulwark.cli;

import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code bulwark admin config encrypt SETTING}: reads a secret from standard input, never from the
 * command line (where {@code ps} and the shell history would show it), and prints its encrypted
 * configuration value {@code {bulwark-aead}…} for the setting (D3). It only reads the key store, so
 * it works while the server runs.
 */
final class ConfigEncryption {

  /** A setting's name as written in a properties file, e.g. {@code bulwark.database.password}. */
  private static final Pattern SETTING = Pattern.compile("[a-z0-9][a-z0-9._\\-\\[\\]]{0,199}");

  private static final int MAX_VALUE_BYTES = 64 * 1024;

  private ConfigEncryption() {}

  static boolean worksWhileRunning(List<String> words) {
    return words.size() >= 2 && words.get(0).equals("config") && words.get(1).equals("encrypt");
  }

  static int run(List<String> words, EmbeddedStorageAdmin admin, InputStream in, PrintStream out) {
    if (words.size() != 3 || !SETTING.matcher(words.get(2)).matches()) {
      throw new UsageException(
          "config encrypt needs the setting's name as in a properties file (lower case, e.g."
              + " bulwark.database.password); the value is read from standard input\n"
              + AdminCommand.USAGE_TEXT);
    }
    String setting = words.get(2);
    try (Secret value = readValue(in)) {
      if (value.length() == 0) {
        throw new UsageException(
            "config encrypt read an empty value from standard input: pipe the secret in, e.g."
                + " ./bulwark admin config encrypt "
                + setting
                + " < FILE");
      }
      out.println(admin.encryptSetting(setting, value));
    }
    return 0;
  }

  /** Standard input without its trailing line breaks. */
  private static Secret readValue(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_VALUE_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the value from standard input", e);
    }
    if (bytes.length > MAX_VALUE_BYTES) {
      Arrays.fill(bytes, (byte) 0);
      throw new UsageException("config encrypt reads at most 64 KiB from standard input");
    }
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    Arrays.fill(bytes, (byte) 0);
    int end = chars.limit();
    while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
      end--;
    }
    char[] value = new char[end];
    chars.get(value);
    Arrays.fill(chars.array(), '\0');
    try {
      return Secret.of(value);
    } finally {
      Arrays.fill(value, '\0');
    }
  }
}
