package io.bulwark.bench.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The REST workload of issue 14, from the repository root:
 *
 * <pre>
 *   bulwark-bench/rest [--quick] [--servers bulwark,camunda] [--rows starts,external,tasklist]
 * </pre>
 *
 * Serves each server in turn in its own JVM (never both at once) on H2 in memory, runs every row
 * against it, stops it, and prints the table. Server logs go to {@code
 * bulwark-bench/target/rest-logs/}.
 */
public final class RestBenchMain {

  private RestBenchMain() {}

  /**
   * Runs the workload.
   *
   * @param args {@code --quick}, {@code --servers LIST}, {@code --rows LIST}
   * @throws Exception when a server does not start or set-up fails
   */
  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    RestPlan plan = list.contains("--quick") ? RestPlan.QUICK : RestPlan.FULL;
    List<String> servers = option(list, "--servers", List.of("bulwark", "camunda"));
    List<String> rows = option(list, "--rows", RestRound.ROWS);
    Path logs = Path.of("bulwark-bench/target/rest-logs");
    Path work = Files.createTempDirectory("bulwark-rest-bench");
    System.out.printf(
        "REST workload, %s, H2 in memory, %s; load average %.2f%n",
        plan == RestPlan.QUICK ? "quick" : "full",
        Instant.now(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<RowResult> results = new ArrayList<>();
    for (String name : servers) {
      Path dir = Files.createDirectories(work.resolve(name));
      try (RestServer server = launch(name, dir, logs.resolve(name + ".log"))) {
        results.addAll(
            RestRound.run(
                server,
                plan,
                rows,
                row -> {
                  System.out.println(RestTable.line(row));
                  return row;
                }));
      }
    }
    System.out.printf(
        "%nload average at the end %.2f%n%s",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        RestTable.markdown(results));
  }

  private static List<String> option(List<String> args, String name, List<String> otherwise) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? List.of(args.get(at + 1).split(",")) : otherwise;
  }

  static RestServer launch(String name, Path dir, Path log) throws Exception {
    return switch (name) {
      case "bulwark" -> BulwarkLauncher.start(Path.of("bulwark-cli/target/bulwark.jar"), dir, log);
      case "camunda" ->
          CamundaLauncher.start(Path.of("bulwark-bench/bench-camunda-rest"), dir, log);
      default -> throw new IllegalArgumentException("unknown server " + name);
    };
  }
}
