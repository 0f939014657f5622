package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.server.config.BulwarkProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeOptionsTest {

  @TempDir Path dir;

  private static ServeOptions parse(Map<String, String> env, String... args) {
    return ServeOptions.parse(List.of(args), env::get);
  }

  @Test
  void defaultsAreDataDirPort8443AndDev() {
    ServeOptions options = parse(Map.of());
    assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(options.port()).isEqualTo(8443);
    assertThat(options.profile()).isEqualTo(BulwarkProfile.DEV);
    assertThat(options.config()).isEmpty();
  }

  @Test
  void flagsInBothFormsMapToSpringProperties() {
    ServeOptions options =
        parse(Map.of(), "--data-dir", dir.toString(), "--port=9443", "--profile", "production");
    assertThat(options.springArguments())
        .containsExactly(
            "--bulwark.data-dir=" + dir, "--bulwark.port=9443", "--bulwark.profile=production");
  }

  @Test
  void environmentIsUsedAndFlagsWin() {
    Map<String, String> env =
        Map.of("BULWARK_PORT", "7443", "BULWARK_PROFILE", "test", "BULWARK_DATA_DIR", "/srv/b");
    ServeOptions fromEnv = parse(env);
    ServeOptions flagged = parse(env, "--port", "6443");
    assertThat(fromEnv.port()).isEqualTo(7443);
    assertThat(fromEnv.profile()).isEqualTo(BulwarkProfile.TEST);
    assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/b"));
    assertThat(flagged.port()).isEqualTo(6443);
  }

  @Test
  void o3_loadsDataDirConfigWhenPresentAndExplicitConfigFirst() throws Exception {
    assertThat(parse(Map.of(), "--data-dir", dir.toString()).effectiveConfig()).isEmpty();
    Path own = Files.writeString(dir.resolve("bulwark.properties"), "bulwark.port=9000\n");
    Path other = Files.writeString(dir.resolve("other.properties"), "");

    assertThat(parse(Map.of(), "--data-dir", dir.toString()).springArguments())
        .contains("--spring.config.additional-location=file:" + own);
    assertThat(
            parse(Map.of(), "--data-dir", dir.toString(), "--config", other.toString())
                .effectiveConfig())
        .hasValue(other);
  }

  @Test
  void usageErrorsNameTheOptionOrVariable() throws Exception {
    assertThatThrownBy(() -> parse(Map.of(), "--port", "99999"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--port: invalid port 99999; must be 1-65535");
    assertThatThrownBy(() -> parse(Map.of("BULWARK_PORT", "abc")))
        .hasMessage("BULWARK_PORT: invalid port abc; must be 1-65535");
    assertThatThrownBy(() -> parse(Map.of(), "--profile", "prod"))
        .hasMessageContaining("--profile: unknown profile prod");
    assertThatThrownBy(() -> parse(Map.of(), "--config", dir.resolve("none").toString()))
        .hasMessageContaining("--config:")
        .hasMessageContaining("is not a readable file");
    assertThatThrownBy(() -> parse(Map.of(), "--verbose")).hasMessage("unknown option --verbose");
    assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessage("option --port needs a value");
    Path file = Files.writeString(dir.resolve("f"), "");
    assertThatThrownBy(() -> parse(Map.of(), "--data-dir", file.toString()))
        .hasMessageContaining("is not a directory");
  }

  @Test
  void usageErrorExitsWith2() {
    assertThat(BulwarkCli.run("serve", "--port", "0")).isEqualTo(2);
    assertThat(BulwarkCli.run()).isEqualTo(2);
    assertThat(BulwarkCli.run("frobnicate")).isEqualTo(2);
    assertThat(BulwarkCli.run("serve", "--help")).isZero();
  }
}
