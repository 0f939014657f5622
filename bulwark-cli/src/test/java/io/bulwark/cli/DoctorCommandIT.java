package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code bulwark doctor} end to end in local mode: options, output and exit status (O1, O2). */
class DoctorCommandIT {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int doctor(String... args) {
    return DoctorCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void o1_exitStatusIsOneOnFail() throws IOException {
    Path config =
        Files.writeString(dir.resolve("bulwark.properties"), "bulwark.allow-insecure-start=true\n");

    int status =
        doctor(
            "--data-dir",
            dir.resolve("data").toString(),
            "--config",
            config.toString(),
            "--profile",
            "production",
            "--json");

    assertThat(status).isEqualTo(1);
    JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("mode").asString()).isEqualTo("local");
    assertThat(json.get("summary").get("fail").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(json.get("findings").valueStream())
        .anySatisfy(
            f -> {
              assertThat(f.get("id").asString()).isEqualTo("O2");
              assertThat(f.get("status").asString()).isEqualTo("FAIL");
              assertThat(f.get("message").asString()).contains("override active");
            });
  }

  @Test
  void o1_exitStatusIsZeroWithoutFailAndTableIsReadable() {
    // The test profile accepts the generated self-signed certificate (T4); production would not.
    int status = doctor("--data-dir=" + dir.resolve("data"), "--profile=test");

    assertThat(status).as(out + " / " + err).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "Bulwark doctor (local mode, profile test)",
            "NOT-IMPLEMENTED O1   ",
            "local checks cover")
        .contains(
            "WARN            T4   no certificate configured", "NOT-IMPLEMENTED A12 ", " 0 FAIL;")
        .doesNotContain(" INFO ");
  }

  @Test
  void o1_devProfileIsAWarnNotAFail() {
    assertThat(doctor("--data-dir", dir.resolve("data").toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("O2   profile dev: the server starts");
  }

  @Test
  void o1_databaseInUseByAServerIsNamedWithoutAStackTrace() throws IOException {
    Path data = dir.resolve("data");
    assertThat(doctor("--data-dir", data.toString())).isZero();
    Path store = data.resolve("db").resolve("bulwark.mv.db");
    assertThat(store).exists();
    out.reset();
    err.reset();

    try (FileChannel channel = FileChannel.open(store, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      assertThat(lock.isValid()).isTrue();
      assertThat(doctor("--data-dir", data.toString())).isEqualTo(1);
    }

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("FAIL            O1   the embedded database is in use", "doctor --remote");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ", "Exception");
  }

  @Test
  void o2_productionExitsOneWhileARequirementIsNotImplemented() {
    int status = doctor("--data-dir=" + dir.resolve("data"), "--profile=production", "--json");

    assertThat(status).isEqualTo(1);
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"id\":\"A12\",\"status\":\"NOT-IMPLEMENTED\"")
        .containsPattern("\"failing_in_profile\":[1-9]");
  }

  @Test
  void o1_markdownPrintsTheBaselineTable() {
    assertThat(doctor("--markdown")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("64 requirements")
        .contains("| Z1 | deny by default | built |");
    assertThat(doctor("--markdown", "--json")).isEqualTo(2);
  }

  @Test
  void o1_usageErrorsExitWithTwo() {
    assertThat(doctor("--bogus")).isEqualTo(2);
    assertThat(doctor("--profile", "staging")).isEqualTo(2);
    assertThat(doctor("--config", dir.resolve("missing.properties").toString())).isEqualTo(2);
    assertThat(doctor("--remote", "http://127.0.0.1:8443")).isEqualTo(2);
    assertThat(doctor("--remote", "https://127.0.0.1:8443", "--data-dir", "x")).isEqualTo(2);
    assertThat(doctor("--profile")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: bulwark doctor");
    assertThat(out.size()).isZero();
  }
}
