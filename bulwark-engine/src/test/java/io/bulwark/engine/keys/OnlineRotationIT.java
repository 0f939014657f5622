package io.bulwark.engine.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.ConflictException;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.KeyRotation;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.UserProfile;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.job.JobHandler;
import io.bulwark.engine.variable.PayModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * D2: the key set rotates while the engine runs ({@code KeyService.rotate}): new writes use the new
 * primary at once, values under the old key stay readable, e-mail addresses are re-encrypted and
 * the background job re-encrypts the sensitive variables; under load nothing is lost, and a stop
 * between batches resumes at the next start. On H2 (both modes) and PostgreSQL.
 */
class OnlineRotationIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final Principal BOB = new Principal("bob", Set.of());
  private static final String IBAN = PayModel.IBAN;
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

  private BulwarkEngine engine(JobExecutorActivation jobs) {
    BulwarkEngineBuilder builder =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(jobs)
            .sensitiveVariables(Set.of("pin"))
            .fieldKeyStore(keys, Secret.of(PASSWORD));
    BulwarkEngine engine = builder.build();
    engines.add(engine);
    return engine;
  }

  private BulwarkEngine start(EngineDatabase database, JobExecutorActivation jobs) {
    dataSource = database.create();
    BulwarkEngine engine = engine(jobs);
    TestGrants.allToGroup(dataSource, "accounting");
    PayModel.deploy(engine, ALICE);
    return engine;
  }

  /** Starts an instance that waits at review, with three sensitive values and a clear one. */
  private static String startPay(BulwarkEngine engine, long salary) {
    return PayModel.start(engine, ALICE, salary);
  }

  private long sealedRows(String comparison, int keyId) throws SQLException {
    return PayModel.sealedRows(dataSource, comparison, keyId);
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

  private static void assertEveryValueReadsInClear(BulwarkEngine engine, List<String> ids) {
    for (String id : ids) {
      assertThat(engine.runtimeService().getVariables(ALICE, id))
          .as("instance %s", id)
          .containsEntry("iban", IBAN)
          .containsEntry("pin", "4711")
          .containsEntry("note", "quarterly")
          .containsKey("salary");
    }
  }

  /** Destroys {@code keyId} with the engine stopped, as {@code admin keys destroy} does. */
  private void destroyOffline(int keyId) {
    engines.forEach(BulwarkEngine::close);
    engines.clear();
    LocalKeyStore.openOrCreate(keys, Secret.of(PASSWORD)).destroy(keyId);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_rotationUnderLoadLosesNothing(EngineDatabase database) throws Exception {
    BulwarkEngine engine = start(database, JobExecutorActivation.ON);
    List<String> ids = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(startPay(engine, 5000L + i));
    }
    int oldKey = engine.keyService().listKeys(ALICE).get(0).id();
    int threads = 4;
    int perThread = 25;
    CountDownLatch halfway = new CountDownLatch(threads);
    ExecutorService starters = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          starters.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  ids.add(startPay(engine, 6000L + i));
                  if (i == perThread / 2) {
                    halfway.countDown();
                  }
                }
                return null;
              }));
    }
    assertThat(halfway.await(2, TimeUnit.MINUTES)).isTrue();
    KeyRotation rotation = engine.keyService().rotate(ALICE);
    for (Future<?> starter : running) {
      starter.get(5, TimeUnit.MINUTES);
    }
    starters.shutdown();

    int newKey = rotation.primary().id();
    assertThat(rotation.previousPrimary()).isEqualTo(oldKey);
    assertThat(newKey).isNotEqualTo(oldKey);
    assertThat(rotation.destroyRule()).contains("destroy key " + oldKey + " only after");
    assertThat(engine.keyService().listKeys(ALICE).get(0).id()).isEqualTo(newKey);
    // Values under the old key read in clear while the job has not finished.
    assertEveryValueReadsInClear(engine, ids);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!reencryptionJobs(engine).isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(reencryptionJobs(engine)).as("the re-encryption job has finished").isEmpty();

    int instances = 40 + threads * perThread;
    assertThat(ids).hasSize(instances);
    assertThat(sealedRows("=", oldKey)).as("rows under the old key").isZero();
    // Three sensitive values per instance, each in runtime and in history, now all under the new
    // key.
    assertThat(sealedRows("=", newKey)).isEqualTo(instances * 3L * 2);
    assertThat(sealedRows("<>", newKey)).isZero();
    assertEveryValueReadsInClear(engine, ids);

    destroyOffline(oldKey);
    assertEveryValueReadsInClear(engine(JobExecutorActivation.OFF), ids);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_aStopBetweenBatchesResumesAtTheNextStart(EngineDatabase database) throws Exception {
    BulwarkEngine engine = start(database, JobExecutorActivation.OFF);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      ids.add(startPay(engine, 5000L + i));
    }
    KeyRotation rotation = engine.keyService().rotate(ALICE);
    assertThat(rotation.variableReencryption()).isTrue();
    int oldKey = rotation.previousPrimary();
    assertThat(sealedRows("=", oldKey)).isEqualTo(70 * 3L * 2);
    List<Job> jobs = reencryptionJobs(engine);
    assertThat(jobs).hasSize(1);
    engine.managementService().executeJob(ALICE, jobs.get(0).id());
    long left = sealedRows("=", oldKey);
    assertThat(left).as("one batch of 100 runtime and 100 history rows").isEqualTo(420 - 200);
    // The engine stops between batches, and the pending job is lost with its node.
    engine.close();
    engines.clear();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM bw_job WHERE job_type = ?")) {
      delete.setString(1, JobHandler.VARIABLE_REENCRYPT);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    BulwarkEngine reopened = engine(JobExecutorActivation.OFF);
    assertThat(reopened.keyService().listKeys(ALICE).get(0).id())
        .as("the rotated key store file was kept")
        .isEqualTo(rotation.primary().id());
    int runs = 0;
    for (List<Job> due = reencryptionJobs(reopened);
        !due.isEmpty();
        due = reencryptionJobs(reopened)) {
      reopened.managementService().executeJob(ALICE, due.get(0).id());
      runs++;
    }
    assertThat(runs).as("the start scheduled the job again").isGreaterThanOrEqualTo(2);
    assertThat(sealedRows("=", oldKey)).isZero();
    assertThat(sealedRows("=", rotation.primary().id())).isEqualTo(420);

    destroyOffline(oldKey);
    assertEveryValueReadsInClear(engine(JobExecutorActivation.OFF), ids);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_rotationReencryptsEmailAddressesAndNeedsSystemUpdate(EngineDatabase database)
      throws Exception {
    BulwarkEngine engine = start(database, JobExecutorActivation.OFF);
    engine
        .identityService()
        .createUser(
            ALICE,
            new NewUser(
                "ada",
                new UserProfile("Ada", "Lovelace", null, "ada@analytical.example"),
                Secret.of(PASSWORD),
                NewUser.PasswordChange.NOT_REQUIRED));

    assertThatThrownBy(() -> engine.keyService().rotate(BOB))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThatThrownBy(() -> engine.keyService().listKeys(BOB))
        .isInstanceOf(AuthorizationDeniedException.class);
    assertThat(engine.keyService().listKeys(ALICE)).hasSize(1);

    KeyRotation rotation = engine.keyService().rotate(ALICE);

    assertThat(rotation.emailAddresses()).isEqualTo(1);
    assertThat(rotation.variableReencryption()).as("no sensitive variables stored").isFalse();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT email_key FROM bw_user WHERE id = 'ada'");
        ResultSet rs = select.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(rotation.primary().id());
    }
    destroyOffline(rotation.previousPrimary());
    assertThat(
            engine(JobExecutorActivation.OFF)
                .identityService()
                .findUser("ada")
                .orElseThrow()
                .email())
        .isEqualTo("ada@analytical.example");
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void d2_anEngineWithoutAKeyStoreCannotRotate(EngineDatabase database) {
    dataSource = database.create();
    BulwarkEngine engine =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .build();
    engines.add(engine);
    TestGrants.allToGroup(dataSource, "accounting");

    assertThatThrownBy(() -> engine.keyService().rotate(ALICE))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no key store");
    assertThatThrownBy(() -> engine.keyService().rotate(BOB))
        .as("the requirement is checked first")
        .isInstanceOf(AuthorizationDeniedException.class);
  }
}
