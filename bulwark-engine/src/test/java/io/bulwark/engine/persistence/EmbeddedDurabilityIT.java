package io.bulwark.engine.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Page;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ProcessInstanceQuery;
import io.bulwark.engine.api.ProcessInstanceView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start whose call has returned is on disk: a child JVM starts instances through the embedded
 * engine and prints each acknowledged id; it is killed with SIGKILL (what {@link
 * ProcessHandle#destroyForcibly()} sends on Linux) in the middle of its work; the database is
 * reopened and every acknowledged instance must be there. With H2's default write delay (500 ms)
 * the newest few hundred acknowledged starts were lost.
 */
class EmbeddedDurabilityIT {

  /** Enough acknowledged starts that the kill lands in steady work, well past the warm-up. */
  private static final int ACKNOWLEDGED_BEFORE_KILL = 600;

  @Test
  void everyAcknowledgedStartSurvivesKillDashNine(@TempDir Path dataDir) throws Exception {
    List<String> acknowledged = runChildAndKill(dataDir);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    Set<String> stored = new HashSet<>();
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      Principal reader = engine.trustedApplication("durability");
      int first = 0;
      while (true) {
        Page<ProcessInstanceView> page =
            engine
                .runtimeService()
                .findProcessInstances(
                    reader,
                    ProcessInstanceQuery.all()
                        .ofProcess(StartInstancesChild.PROCESS_KEY)
                        .page(first, 2000));
        page.items().forEach(instance -> stored.add(instance.id()));
        first += page.items().size();
        if (page.items().isEmpty() || first >= page.total()) {
          break;
        }
      }
    }
    List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
    assertThat(lost)
        .as("acknowledged starts missing after kill -9 (of %d acknowledged)", acknowledged.size())
        .isEmpty();
  }

  private static List<String> runChildAndKill(Path dataDir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path quietLogging = dataDir.resolve("logback-child.xml");
    Files.writeString(quietLogging, "<configuration><root level=\"OFF\"/></configuration>");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-Dlogback.configurationFile=" + quietLogging,
                "-cp",
                System.getProperty("java.class.path"),
                StartInstancesChild.class.getName(),
                dataDir.toString())
            .redirectError(dataDir.resolve("child.err").toFile())
            .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = lines.readLine();
      assertThat(line).as("the child's first line (see child.err)").isEqualTo("ready");
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && (line = lines.readLine()) != null) {
        acknowledge(line, acknowledged);
      }
      // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves the pipe open.
      child.toHandle().destroyForcibly();
      // Ids printed before the kill landed were acknowledged too: read them to the end.
      while ((line = lines.readLine()) != null) {
        acknowledge(line, acknowledged);
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    return acknowledged;
  }

  /** A complete {@code started ID} line; a line cut by the kill was never acknowledged. */
  private static void acknowledge(String line, List<String> acknowledged) {
    if (line.startsWith(StartInstancesChild.ACK) && line.endsWith(StartInstancesChild.END)) {
      acknowledged.add(
          line.substring(
              StartInstancesChild.ACK.length(), line.length() - StartInstancesChild.END.length()));
    }
  }
}
