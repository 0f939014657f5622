package io.bulwark.server.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.Secret;
import io.bulwark.server.BulwarkServerApplication;
import io.bulwark.server.engine.InitialAdministratorBootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** The server runs doctor before its port opens, and production refuses to start on a FAIL (O2). */
@ExtendWith(OutputCaptureExtension.class)
class StartupDoctorIT {

  @TempDir Path dataDir;

  @Test
  void o2_productionRefusesToStartOnFail(CapturedOutput output) throws IOException {
    int port = freePort();
    FailingCheck check = new FailingCheck(port);

    assertThatThrownBy(() -> start(check, port, "--bulwark.profile=production"))
        .isInstanceOf(InsecureStartRefusedException.class)
        .hasMessageContaining("FAIL X1: deliberately failing test check");

    assertThat(check.portOpenDuringCheck.get()).as("port open while doctor ran").isFalse();
    assertThat(isListening(port)).as("port open after refused start").isFalse();
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START", "refuses to start in profile production")
        .contains("X1: remove the test check")
        .doesNotContain("\tat io.bulwark", "at org.springframework");
  }

  @Test
  void o2_overrideStartsAndLogsWarning(CapturedOutput output) throws IOException {
    int port = freePort();
    FailingCheck check = new FailingCheck(port);

    try (ConfigurableApplicationContext context =
        start(check, port, "--bulwark.profile=production", "--bulwark.allow-insecure-start=true")) {
      assertThat(context.isRunning()).isTrue();
      assertThat(isListening(port)).isTrue();
      // O2, D4: the override is in the audit log, with the IDs that failed.
      BulwarkEngine engine = context.getBean(BulwarkEngine.class);
      List<AuditRecord> records =
          engine.auditService().list(engine.trustedApplication("test"), 0, 0, 100).items();
      assertThat(records)
          .filteredOn(r -> r.kind().equals("insecure_start_override"))
          .singleElement()
          .satisfies(r -> assertThat(r.details()).contains("\"profile\":\"production\"", "X1"));
    }
    assertThat(check.portOpenDuringCheck.get()).isFalse();
    assertThat(output.getAll())
        .contains("WARN")
        .contains("bulwark.allow-insecure-start=true: override active")
        .containsPattern(
            "override active, starting in profile production despite \\d+ FAIL\\(s\\): \\[.*O2, .*X1\\]")
        .contains("doctor FAIL O2: override active");
  }

  @Test
  void o2_productionRefusesToStartWhileARequirementIsNotImplemented(CapturedOutput output)
      throws IOException {
    int port = freePort();

    assertThatThrownBy(() -> start(null, port, "--bulwark.profile=production"))
        .isInstanceOf(InsecureStartRefusedException.class)
        .hasMessageContaining("NOT-IMPLEMENTED A12: multi-factor authentication: not implemented");

    assertThat(isListening(port)).as("port open after refused start").isFalse();
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START");
  }

  @Test
  void o2_devStartsAndLogsTheFail(CapturedOutput output) throws IOException {
    int port = freePort();
    try (ConfigurableApplicationContext context =
        start(new FailingCheck(port), port, "--bulwark.profile=dev")) {
      assertThat(context.isRunning()).isTrue();
      assertThat(isListening(port)).isTrue();
    }
    assertThat(output.getAll()).contains("doctor FAIL X1: deliberately failing test check");
  }

  @Test
  void a2_restartAfterThePasswordChangeDeletesTheFileBeforeDoctorLooks(CapturedOutput output)
      throws IOException {
    Path file = dataDir.resolve(InitialAdministratorBootstrap.PASSWORD_FILE);
    try (ConfigurableApplicationContext context = start(null, freePort())) {
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      context
          .getBean(BulwarkEngine.class)
          .identityService()
          .changePassword("admin", Secret.of(password), Secret.of("my own good passphrase"));
    }
    int restart = output.getAll().length();
    try (ConfigurableApplicationContext context = start(null, freePort())) {
      assertThat(context.isRunning()).isTrue();
      assertThat(file).doesNotExist();
    }
    assertThat(output.getAll().substring(restart))
        .contains("doctor at start")
        .doesNotContain("doctor WARN A2");
  }

  private ConfigurableApplicationContext start(FailingCheck check, int port, String... extra) {
    SpringApplication app = new SpringApplication(BulwarkServerApplication.class);
    if (check != null) {
      app.addInitializers(
          context ->
              ((GenericApplicationContext) context)
                  .registerBean("failingTestCheck", LocalCheck.class, () -> check));
    }
    String[] args = new String[extra.length + 4];
    args[0] = "--server.port=" + port;
    args[1] = "--bulwark.port=" + port;
    args[2] = "--bulwark.data-dir=" + dataDir;
    args[3] = "--server.address=127.0.0.1";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return app.run(args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A check that always FAILs and records whether the server port was open while it ran. */
  private static final class FailingCheck implements LocalCheck {
    private final int port;
    private final AtomicReference<Boolean> portOpenDuringCheck = new AtomicReference<>();

    FailingCheck(int port) {
      this.port = port;
    }

    @Override
    public String id() {
      return "X1";
    }

    @Override
    public Finding run() {
      portOpenDuringCheck.compareAndSet(null, isListening(port));
      return Finding.fail("X1", "deliberately failing test check", "remove the test check");
    }
  }
}
