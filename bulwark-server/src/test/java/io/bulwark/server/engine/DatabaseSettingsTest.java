package io.bulwark.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://db:5432/bulwark?user=bulwark&password=Hunter2x",
        "jdbc:postgresql://db:5432/bulwark?sslmode=verify-full&PASSWORD=Hunter2x",
        "jdbc:postgresql://db/bulwark?sslpassword=Hunter2x",
        "jdbc:h2:file:/var/bulwark/db;USER=sa;PASSWORD=Hunter2x",
        "jdbc:mysql://bulwark:Hunter2x@db:3306/bulwark"
      })
  void d3_refusesAPasswordInTheDatabaseUrl(String url) {
    assertThatThrownBy(() -> new DatabaseSettings(url, "bulwark", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bulwark.database.url must not carry a password")
        .hasMessageContaining("password-file")
        .hasMessageNotContaining("Hunter2x");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://db:5432/bulwark?sslmode=verify-full",
        "jdbc:postgresql://[::1]:5432/bulwark",
        "jdbc:postgresql://db1:5432,db2:5432/bulwark?targetServerType=primary"
      })
  void d3_acceptsAUrlWithoutCredentials(String url) {
    assertThat(new DatabaseSettings(url, "bulwark", null).external()).isTrue();
  }
}
