package io.bulwark.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor check W7 on the admin channel file: FAIL when others can read its secret. */
class W7AdminChannelCheckTest {

  @TempDir Path dataDir;

  @Test
  void w7_failsWhenTheChannelFileIsReadableByOthers() throws Exception {
    Path file = Files.writeString(AdminChannelFile.path(dataDir), "secret=x\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Finding finding = new W7AdminChannelCheck(dataDir).run();

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("group or others");
  }

  @Test
  void w7_passesForAnOwnerOnlyChannelFileOrNone() throws Exception {
    assertThat(new W7AdminChannelCheck(dataDir).run().status()).isEqualTo(CheckStatus.PASS);
    Path file = Files.writeString(AdminChannelFile.path(dataDir), "secret=x\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(new W7AdminChannelCheck(dataDir).run().status()).isEqualTo(CheckStatus.PASS);
  }
}
