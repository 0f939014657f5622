package io.bulwark.engine.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.KeyDestruction;
import io.bulwark.engine.api.KeyRotation;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.variable.PayModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * D2 with several nodes: two engines on one database, each with its own copy of the key store. A
 * rotation on node A reaches node B without a restart: B reads what A writes under the new key at
 * once, B's writes move to the new key, the re-encryption job leaves nothing under the old key, and
 * destroying the old key on A (refused while B lags) keeps everything readable on both, also after
 * B restarts from its rewritten key store file.
 */
class TwoNodeKeySetIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final String PASSWORD = "Corvid-Lantern-58";

  @TempDir Path dir;
  private HikariDataSource dataSource;
  private final List<BulwarkEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(BulwarkEngine::close);
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private BulwarkEngine node(String name) {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .sensitiveVariables(Set.of("pin"))
            .fieldKeyStore(dir.resolve(name), Secret.of(PASSWORD))
            .build();
    engines.add(engine);
    return engine;
  }

  private static List<Job> reencryptionJobs(BulwarkEngine engine) {
    return engine
        .managementService()
        .listJobs(
            ALICE,
            new JobFilter(null, null, null, JobHandler.VARIABLE_REENCRYPT, null, null),
            0,
            10);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what).isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static void assertReadsInClear(BulwarkEngine engine, List<String> ids) {
    for (String id : ids) {
      assertThat(engine.runtimeService().getVariables(ALICE, id))
          .as("instance %s", id)
          .containsEntry("iban", PayModel.IBAN)
          .containsEntry("pin", "4711");
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_aRotationOnOneNodeReachesTheOtherWithoutRestart(EngineDatabase database)
      throws Exception {
    dataSource = database.create();
    BulwarkEngine a = node("a");
    Files.createDirectories(dir.resolve("b/keys"));
    Files.copy(LocalKeyStore.fileOf(dir.resolve("a")), LocalKeyStore.fileOf(dir.resolve("b")));
    BulwarkEngine b = node("b");
    TestGrants.allToGroup(dataSource, "accounting");
    PayModel.deploy(a, ALICE);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(PayModel.start(a, ALICE, 5000L + i));
      ids.add(PayModel.start(b, ALICE, 6000L + i));
    }

    KeyRotation rotation = a.keyService().rotate(ALICE);
    int oldKey = rotation.previousPrimary();
    int newKey = rotation.primary().id();
    String afterRotation = PayModel.start(a, ALICE, 7000L);
    ids.add(afterRotation);
    // B has not looked yet: it meets a value under a key it does not know and looks at once.
    assertReadsInClear(b, List.of(afterRotation));
    assertThatThrownBy(() -> a.keyService().destroy(ALICE, oldKey))
        .isInstanceOf(ConflictException.class);
    await("B uses the new primary", () -> b.keyService().listKeys(ALICE).get(0).id() == newKey);
    String fromB = PayModel.start(b, ALICE, 8000L);
    ids.add(fromB);
    assertThat(PayModel.sealedRows(dataSource, "=", oldKey))
        .as("rows written before the rotation")
        .isEqualTo(6 * 3L * 2);

    for (List<Job> due = reencryptionJobs(a); !due.isEmpty(); due = reencryptionJobs(a)) {
      Thread.sleep(100);
      b.managementService().executeJob(ALICE, due.get(0).id());
    }
    assertThat(PayModel.sealedRows(dataSource, "=", oldKey)).as("left under the old key").isZero();
    assertThat(PayModel.sealedRows(dataSource, "<>", newKey)).isZero();

    KeyDestruction destroyed = a.keyService().destroy(ALICE, oldKey);
    assertThat(destroyed.unreadableValues()).isZero();
    await("B drops the destroyed key", () -> b.keyService().listKeys(ALICE).size() == 1);
    assertReadsInClear(a, ids);
    assertReadsInClear(b, ids);
    b.close();
    engines.remove(b);
    BulwarkEngine restarted = node("b");
    assertThat(restarted.keyService().listKeys(ALICE))
        .singleElement()
        .satisfies(k -> assertThat(k.id()).isEqualTo(newKey));
    assertReadsInClear(restarted, ids);
  }
}
