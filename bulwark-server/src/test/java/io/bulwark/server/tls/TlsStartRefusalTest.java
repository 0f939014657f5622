package io.bulwark.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bulwark.server.BulwarkServerApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** The server refuses to start on TLS settings that break the policy (T2, T3). */
class TlsStartRefusalTest {

  @TempDir Path dataDir;

  private Throwable startWith(String property) {
    return catchThrowable(
        () ->
            new SpringApplicationBuilder(BulwarkServerApplication.class)
                .run("--server.port=0", "--bulwark.data-dir=" + dataDir, "--" + property)
                .close());
  }

  @Test
  void t2_refusesToStartWithTls11Configured() {
    Throwable root =
        NestedExceptionUtils.getMostSpecificCause(
            startWith("bulwark.tls.protocols=TLSv1.3,TLSv1.1"));
    assertThat(root).isInstanceOf(TlsConfigurationException.class);
    assertThat(root.getMessage()).contains("bulwark.tls.protocols contains TLSv1.1");
  }

  @Test
  void t3_refusesToStartWithCbcSuiteConfigured() {
    Throwable root =
        NestedExceptionUtils.getMostSpecificCause(
            startWith(
                "bulwark.tls.cipher-suites=TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
    assertThat(root).isInstanceOf(TlsConfigurationException.class);
    assertThat(root.getMessage())
        .contains("bulwark.tls.cipher-suites contains TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
  }
}
