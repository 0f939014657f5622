package io.bulwark.bench.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Starts one child JVM on the engine's own classpath ({@code bench-ENGINE/target/classes} and
 * {@code target/lib}), waits for it and parses its {@code BENCH-RESULT} line. The child's stderr
 * (engine logs) goes to a file under the log directory.
 */
final class ChildRunner {

  static final String PREFIX = "BENCH-RESULT ";
  private static final long TIMEOUT_MINUTES = 20;

  private final Path benchDir;
  private final Path logs;
  private final List<String> jvmFlags;
  private final List<String> profiled;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param profiled engines whose children record a JFR profile ({@code settings=profile}, method
   *     samples every 10 ms) to {@code LABEL.jfr} in the log directory
   */
  ChildRunner(Path benchDir, Path logs, List<String> jvmFlags, List<String> profiled) {
    this.benchDir = benchDir;
    this.logs = logs;
    this.jvmFlags = jvmFlags;
    this.profiled = List.copyOf(profiled);
  }

  /** Whether the engine's module has been built (its classpath directory exists). */
  boolean available(String engine) {
    return Files.isDirectory(moduleDir(engine).resolve("target/lib"));
  }

  ChildResult run(ChildRound round) throws IOException {
    Path module = moduleDir(round.engine());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    if (profiled.contains(round.engine())) {
      Path jfr = logs.resolve(round.label() + ".jfr").toAbsolutePath();
      command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
    }
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(module.resolve("target/classes") + ":" + module.resolve("target/lib/*"));
    command.add("io.bulwark.bench.api.ChildMain");
    BenchPlan plan = round.plan();
    command.addAll(
        List.of(
            "--engine",
            round.engine(),
            "--db",
            round.db(),
            "--url",
            round.jdbcUrl(),
            "--user",
            round.user(),
            "--password",
            round.password(),
            "--workloads",
            String.join(",", round.workloads()),
            "--instances",
            "" + plan.instances(),
            "--tasks",
            "" + plan.tasks(),
            "--external-tasks",
            "" + plan.externalTasks(),
            "--warmup",
            "" + plan.warmupOps(),
            "--flow-warmup",
            "" + plan.flowWarmupOps(),
            "--flow-warmup-seconds",
            "" + plan.flowWarmupSeconds(),
            "--queries",
            "" + plan.queries()));
    Path log = logs.resolve(round.label() + ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    String stdout;
    try (InputStream in = process.getInputStream()) {
      stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(round.label() + " timed out");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Files.writeString(log, stdout, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          round.label() + " exited with " + process.exitValue() + "; see " + log);
    }
    return parse(stdout);
  }

  /** Parses the last {@code BENCH-RESULT} line of the child's stdout. */
  ChildResult parse(String stdout) {
    String line =
        stdout
            .lines()
            .filter(l -> l.startsWith(PREFIX))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new IllegalStateException("no result line in:\n" + stdout));
    JsonNode root = json.readTree(line.substring(PREFIX.length()));
    Map<String, String> settings = new LinkedHashMap<>();
    root.get("settings")
        .properties()
        .forEach(e -> settings.put(e.getKey(), e.getValue().asString()));
    Map<String, Map<String, List<Double>>> metrics = new LinkedHashMap<>();
    root.get("metrics")
        .properties()
        .forEach(
            e -> {
              int slash = e.getKey().indexOf('/');
              if (slash < 0) {
                throw new IllegalStateException("metric without workload: " + e.getKey());
              }
              List<Double> values = new ArrayList<>();
              e.getValue().forEach(v -> values.add(v.asDouble()));
              metrics
                  .computeIfAbsent(e.getKey().substring(0, slash), w -> new LinkedHashMap<>())
                  .put(e.getKey().substring(slash + 1), values);
            });
    return new ChildResult(settings, metrics);
  }

  private Path moduleDir(String engine) {
    return benchDir.resolve("bench-" + engine);
  }
}
