package io.bulwark.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulwarkEngineBuilderTest {

  @Test
  void refusesToBuildWithoutStorage() {
    assertThatThrownBy(() -> BulwarkEngine.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("storage");
              assertThat(e.rules()).containsExactly("exactly-one");
            });
  }

  @Test
  void refusesTwoStorages(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                BulwarkEngine.builder()
                    .embedded(dir)
                    .jdbc("jdbc:h2:mem:x", "sa", Secret.of(""))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2 given");
  }

  @Test
  void refusesANonJdbcUrl() {
    assertThatThrownBy(
            () -> BulwarkEngine.builder().jdbc("postgres://h/db", "u", Secret.of("p")).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("storage.url"));
  }

  @Test
  void embeddedEngineStartsAndKeepsUsersAcrossRestarts(@TempDir Path dir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dir).build()) {
      assertThat(engine.identityService().ensureInitialAdministrator()).isPresent();
    }
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dir).build()) {
      assertThat(engine.identityService().ensureInitialAdministrator()).isEmpty();
      assertThat(engine.identityService().findUser("admin")).isPresent();
    }
  }

  @Test
  void jdbcStorageHidesThePassword() {
    EngineStorage storage = new EngineStorage.Jdbc("jdbc:h2:mem:y", "sa", Secret.of("s3cret"));
    assertThat(storage.toString()).doesNotContain("s3cret");
  }
}
