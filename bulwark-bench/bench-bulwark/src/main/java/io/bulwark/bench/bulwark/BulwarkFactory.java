package io.bulwark.bench.bulwark;

import io.bulwark.bench.api.BenchDatabase;
import io.bulwark.bench.api.BenchEngine;
import io.bulwark.bench.api.BenchEngineFactory;
import io.bulwark.bench.api.SensitiveVariables;
import io.bulwark.bench.api.Workload;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds Bulwark with its production defaults (history level audit, job executor on) on the round's
 * database; only the storage is set. An {@code h2-file} round uses the embedded storage exactly as
 * {@code ./bulwark serve} does (file-mode H2 under a data directory, with its durability settings).
 * For W1S and W2S the variable {@link SensitiveVariables#NAME} is marked sensitive in every
 * process, encrypted with the embedded storage's key store or, on a JDBC database, with a fresh key
 * store in a temporary directory (as the server's {@code DATA_DIR/keys}).
 */
public final class BulwarkFactory implements BenchEngineFactory {

  /** The temporary key store's passphrase: the benchmark's own throwaway keys. */
  private static final String BENCH_PASSPHRASE = "bench-throwaway-key-store";

  @Override
  public String name() {
    return "bulwark";
  }

  @Override
  public BenchEngine build(BenchDatabase database, Workload workload) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("history", "audit (default)");
    settings.put("jobExecutor", "on (default)");
    Optional<Path> dataDir = database.embeddedDataDir();
    Optional<Path> keyDir =
        workload.sensitive() && dataDir.isEmpty()
            ? Optional.of(temporaryKeyDir())
            : Optional.empty();
    // The builder keeps the secrets until build() has used them.
    try (Secret password = Secret.of(database.password());
        Secret passphrase = Secret.of(BENCH_PASSPHRASE)) {
      BulwarkEngineBuilder builder = BulwarkEngine.builder();
      if (dataDir.isPresent()) {
        builder.embedded(dataDir.get());
        settings.put("storage", "embedded");
      } else {
        builder.jdbc(database.jdbcUrl(), database.user(), password);
      }
      if (workload.sensitive()) {
        builder.sensitiveVariables(Set.of(SensitiveVariables.NAME));
        settings.put(
            "sensitiveVariables", SensitiveVariables.NAME + " (AES-256-GCM field encryption)");
        keyDir.ifPresent(dir -> builder.fieldKeyStore(dir, passphrase));
      }
      return new BulwarkBenchEngine(builder.build(), settings, keyDir);
    }
  }

  private static Path temporaryKeyDir() {
    try {
      return Files.createTempDirectory("bulwark-bench-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
