package io.bulwark.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.server.doctor.CheckStatus;
import io.bulwark.server.doctor.Finding;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/** Doctor check W9 reads the class path and settings for development leftovers (issue 17). */
class W9DevelopmentLeftoversCheckTest {

  @TempDir Path dir;

  private Finding check(MockEnvironment environment) throws Exception {
    try (URLClassLoader classes = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      return new W9DevelopmentLeftoversCheck(environment, new DefaultResourceLoader(classes)).run();
    }
  }

  @Test
  void w9_sourceMapAmongServedFilesFails() throws Exception {
    Path map = dir.resolve("static/app/assets/app.js.map");
    Files.createDirectories(map.getParent());
    Files.writeString(map, "{\"version\":3}");

    Finding finding = check(new MockEnvironment());

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("source maps served", "app.js.map");
  }

  @Test
  void w9_h2ConsoleFails() throws Exception {
    Finding finding =
        check(new MockEnvironment().withProperty("spring.h2.console.enabled", "true"));

    assertThat(finding.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(finding.message()).contains("H2 web console");
  }

  @Test
  void w9_cleanClassPathPasses() throws Exception {
    Files.createDirectories(dir.resolve("static/app/assets"));
    Files.writeString(dir.resolve("static/app/assets/app.js"), "'use strict';");

    assertThat(check(new MockEnvironment()).status()).isEqualTo(CheckStatus.PASS);
  }

  @Test
  void w9_theServersOwnClassPathPasses() {
    Finding finding =
        new W9DevelopmentLeftoversCheck(new MockEnvironment(), new DefaultResourceLoader()).run();

    assertThat(finding.status()).as(finding.toString()).isEqualTo(CheckStatus.PASS);
  }
}
