package io.bulwark.engine.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.KeyDestruction;
import io.bulwark.engine.api.KeyRotation;
import io.bulwark.engine.api.NotFoundException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SensitiveValue;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.variable.PayModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * D2: a key is destroyed while the engine runs ({@code KeyService.destroy}, SYSTEM UPDATE): refused
 * while it is the primary or while the re-encryption job is pending; afterwards what was
 * re-encrypted reads in clear, and what was still under the key reads as destroyed
 * (crypto-shredding), counted in the answer. On H2 (both modes) and PostgreSQL.
 */
class OnlineDestroyIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final Principal BOB = new Principal("bob", Set.of());
  private static final String PASSWORD = "Corvid-Lantern-58";

  @TempDir Path keys;
  private HikariDataSource dataSource;
  private final List<BulwarkEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(BulwarkEngine::close);
    if (dataSource != null) {
      dataSource.close();
    }
  }

  private BulwarkEngine engine() {
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .sensitiveVariables(Set.of("pin"))
            .fieldKeyStore(keys, Secret.of(PASSWORD))
            .build();
    engines.add(engine);
    return engine;
  }

  private BulwarkEngine start(EngineDatabase database) {
    dataSource = database.create();
    BulwarkEngine engine = engine();
    TestGrants.allToGroup(dataSource, "accounting");
    PayModel.deploy(engine, ALICE);
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

  private static void runReencryption(BulwarkEngine engine) {
    for (List<Job> due = reencryptionJobs(engine); !due.isEmpty(); due = reencryptionJobs(engine)) {
      engine.managementService().executeJob(ALICE, due.get(0).id());
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_onlineDestroyIsRefusedForThePrimaryAndWhileTheJobIsPending(EngineDatabase database)
      throws Exception {
    BulwarkEngine engine = start(database);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(PayModel.start(engine, ALICE, 5000L + i));
    }
    int first = engine.keyService().listKeys(ALICE).get(0).id();
    assertThatThrownBy(() -> engine.keyService().destroy(BOB, first))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThatThrownBy(() -> engine.keyService().destroy(ALICE, first))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("key " + first + " is the primary key");
    assertThatThrownBy(() -> engine.keyService().destroy(ALICE, first + 1))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no key " + (first + 1));

    KeyRotation rotation = engine.keyService().rotate(ALICE);
    assertThat(rotation.variableReencryption()).isTrue();
    assertThatThrownBy(() -> engine.keyService().destroy(ALICE, first))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("re-encryption job (variable-reencrypt) is pending");
    assertThat(engine.keyService().listKeys(ALICE)).hasSize(2);

    runReencryption(engine);
    KeyDestruction destroyed = engine.keyService().destroy(ALICE, first);

    assertThat(destroyed.keyId()).isEqualTo(first);
    assertThat(destroyed.unreadableValues()).isZero();
    assertThat(destroyed.consequence()).contains("can never be read again (crypto-shredding)");
    assertThat(engine.keyService().listKeys(ALICE))
        .singleElement()
        .satisfies(k -> assertThat(k.id()).isEqualTo(rotation.primary().id()));
    for (String id : ids) {
      assertThat(engine.runtimeService().getVariables(ALICE, id))
          .containsEntry("iban", PayModel.IBAN)
          .containsEntry("pin", "4711");
    }
    engine.close();
    engines.clear();
    assertThat(engine().keyService().listKeys(ALICE))
        .as("the destroy was written to the key store file")
        .hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_onlineDestroyShredsWhatIsStillUnderTheKey(EngineDatabase database) throws Exception {
    BulwarkEngine engine = start(database);
    String old = PayModel.start(engine, ALICE, 5000L);
    KeyRotation rotation = engine.keyService().rotate(ALICE);
    // The operator gives up the re-encryption: the job is removed before it ran.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM bw_job WHERE job_type = ?")) {
      delete.setString(1, JobHandler.VARIABLE_REENCRYPT);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    KeyDestruction destroyed = engine.keyService().destroy(ALICE, rotation.previousPrimary());

    // Three sensitive values (iban, salary, pin), each in runtime and in history.
    assertThat(destroyed.unreadableValues()).isEqualTo(6);
    assertThat(destroyed.consequence()).contains("(6 stored) can never be read again");
    assertThat(engine.runtimeService().getVariables(ALICE, old))
        .containsEntry("iban", new SensitiveValue("string", SensitiveValue.State.DESTROYED))
        .containsEntry("note", "quarterly");
    String fresh = PayModel.start(engine, ALICE, 6000L);
    assertThat(engine.runtimeService().getVariables(ALICE, fresh))
        .containsEntry("iban", PayModel.IBAN);
  }
}
