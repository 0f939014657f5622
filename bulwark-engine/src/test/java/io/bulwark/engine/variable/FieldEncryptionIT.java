package io.bulwark.engine.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.api.HistoryService;
import io.bulwark.engine.api.Job;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.SensitiveValue;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.Grant;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.authz.TestGrants;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.crypto.FieldCipher;
import io.bulwark.engine.crypto.LocalKeyStore;
import io.bulwark.engine.job.JobHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * D1, D2, D5: variables marked sensitive (in the model or engine-wide) are stored as Tink AEAD
 * ciphertexts bound to their row, read in clear by the engine and by callers with READ_VARIABLE,
 * masked for everyone else and in history, and read as "destroyed" after their key was destroyed;
 * on H2 (both modes) and PostgreSQL.
 */
class FieldEncryptionIT {

  private static final Principal ALICE = new Principal("alice", Set.of("accounting"));
  private static final Principal BOB = new Principal("bob", Set.of());
  private static final String IBAN = PayModel.IBAN;
  private static final char[] PASSPHRASE = "Corvid-Lantern-58".toCharArray();

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

  private BulwarkEngine engine(boolean withKeys) {
    BulwarkEngineBuilder builder =
        BulwarkEngine.builder()
            .dataSource(dataSource)
            .jobExecutor(JobExecutorActivation.OFF)
            .sensitiveVariables(Set.of("pin"));
    if (withKeys) {
      builder.fieldKeyStore(keys, Secret.of(PASSPHRASE.clone()));
    }
    BulwarkEngine engine = builder.build();
    engines.add(engine);
    return engine;
  }

  private BulwarkEngine start(EngineDatabase database) {
    dataSource = database.create();
    BulwarkEngine engine = engine(true);
    TestGrants.allToGroup(dataSource, "accounting");
    deploy(engine);
    return engine;
  }

  private static void deploy(BulwarkEngine engine) {
    PayModel.deploy(engine, ALICE);
  }

  private static String startPay(BulwarkEngine engine, long salary) {
    return PayModel.start(engine, ALICE, salary);
  }

  /** Every value of every row of {@code table}, as text (bytes decoded as ISO-8859-1). */
  private String rawRows(String table) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table);
        ResultSet rs = select.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          all.append(
                  value instanceof byte[] b
                      ? new String(b, StandardCharsets.ISO_8859_1)
                      : String.valueOf(value))
              .append('|');
        }
        all.append('\n');
      }
    }
    return all.toString();
  }

  private byte[] ciphertext(String instanceId, String name) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT bytes_value, cipher_key, text_value, long_value FROM bw_variable"
                    + " WHERE process_instance_id = ? AND name = ?")) {
      select.setString(1, instanceId);
      select.setString(2, name);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).as("row of %s", name).isTrue();
        byte[] bytes = rs.getBytes(1);
        assertThat(rs.getInt(2)).isEqualTo(FieldCipher.keyId(bytes));
        assertThat(rs.getString(3)).isNull();
        assertThat(rs.getObject(4)).isNull();
        return bytes;
      }
    }
  }

  private void setCiphertext(String instanceId, String name, byte[] bytes) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE bw_variable SET bytes_value = ? WHERE process_instance_id = ? AND name = ?")) {
      update.setBytes(1, bytes);
      update.setString(2, instanceId);
      update.setString(3, name);
      assertThat(update.executeUpdate()).isEqualTo(1);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d1_sensitiveVariableIsNotInTheRawDatabase(EngineDatabase database) throws SQLException {
    BulwarkEngine engine = start(database);
    String id = startPay(engine, 5000L);

    assertThat(rawRows("bw_variable")).doesNotContain(IBAN).doesNotContain("4711");
    assertThat(rawRows("bw_hi_variable_update")).doesNotContain(IBAN).doesNotContain("4711");
    assertThat(rawRows("bw_user_operation_log")).doesNotContain(IBAN);
    ciphertext(id, "iban");
    ciphertext(id, "salary");
    ciphertext(id, "pin");
    // The gateway evaluated the clear salary (5000 > 1000): the instance waits at review.
    assertThat(engine.runtimeService().getActiveActivityIds(ALICE, id)).containsExactly("review");
    Map<String, Object> variables = engine.runtimeService().getVariables(ALICE, id);
    assertThat(variables)
        .containsEntry("iban", IBAN)
        .containsEntry("salary", 5000L)
        .containsEntry("note", "quarterly")
        .containsEntry("pin", "4711");
    assertThat(rawRows("bw_variable")).contains("quarterly");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d1_ciphertextDiffersPerRowAndDoesNotDecryptInAnotherRow(EngineDatabase database)
      throws SQLException {
    BulwarkEngine engine = start(database);
    String first = startPay(engine, 5000L);
    String second = startPay(engine, 5000L);
    byte[] firstIban = ciphertext(first, "iban");
    assertThat(firstIban).isNotEqualTo(ciphertext(second, "iban"));

    setCiphertext(second, "iban", firstIban);

    Object moved = engine.runtimeService().getVariables(ALICE, second).get("iban");
    assertThat(moved).isEqualTo(new SensitiveValue("string", SensitiveValue.State.TAMPERED));
    assertThat(engine.runtimeService().getVariables(ALICE, first)).containsEntry("iban", IBAN);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d5_readersWithoutReadVariableAndHistorySeeTheMask(EngineDatabase database) {
    BulwarkEngine engine = start(database);
    String id = startPay(engine, 5000L);
    TestGrants.insert(
        dataSource,
        Grant.Type.GRANT,
        "bob",
        null,
        ResourceType.PROCESS_INSTANCE,
        "*",
        Permission.READ,
        Permission.READ_HISTORY);

    Map<String, Object> bobSees = engine.runtimeService().getVariables(BOB, id);
    assertThat(bobSees)
        .containsEntry("iban", new SensitiveValue("string", SensitiveValue.State.MASKED))
        .containsEntry("salary", new SensitiveValue("long", SensitiveValue.State.MASKED))
        .containsEntry("pin", new SensitiveValue("string", SensitiveValue.State.MASKED))
        .containsEntry("note", "quarterly");
    assertThat(String.valueOf(bobSees)).doesNotContain(IBAN);

    List<HistoryService.HistoricVariable> history =
        engine.historyService().variables(ALICE, id, 0, 10).items();
    assertThat(history)
        .filteredOn(v -> v.name().equals("iban"))
        .singleElement()
        .extracting(HistoryService.HistoricVariable::value)
        .isEqualTo(new SensitiveValue("string", SensitiveValue.State.MASKED));
    assertThat(history)
        .filteredOn(v -> v.name().equals("note"))
        .singleElement()
        .extracting(HistoryService.HistoricVariable::value)
        .isEqualTo("quarterly");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_valuesOfADestroyedKeyReadAsDestroyed(EngineDatabase database) {
    BulwarkEngine engine = start(database);
    String old = startPay(engine, 5000L);
    engine.close();
    engines.clear();
    LocalKeyStore store = LocalKeyStore.openOrCreate(keys, Secret.of(PASSPHRASE.clone()));
    int oldKey = store.list().get(0).id();
    store.rotate();
    store.destroy(oldKey);

    BulwarkEngine reopened = engine(true);
    String fresh = startPay(reopened, 5000L);

    Map<String, Object> shredded = reopened.runtimeService().getVariables(ALICE, old);
    assertThat(shredded)
        .containsEntry("iban", new SensitiveValue("string", SensitiveValue.State.DESTROYED))
        .containsEntry("note", "quarterly");
    assertThat(reopened.runtimeService().getVariables(ALICE, fresh)).containsEntry("iban", IBAN);
  }

  private long rowsUnderKey(int keyId) throws SQLException {
    return PayModel.sealedRows(dataSource, "=", keyId);
  }

  /** Runs the re-encryption job until there is none; answers how many runs it took. */
  private static int runReencryption(BulwarkEngine engine, List<String> ids) {
    int runs = 0;
    while (true) {
      List<Job> jobs =
          engine
              .managementService()
              .listJobs(
                  ALICE,
                  new JobFilter(null, null, null, JobHandler.VARIABLE_REENCRYPT, null, null),
                  0,
                  10);
      if (jobs.isEmpty()) {
        return runs;
      }
      assertThat(jobs).hasSize(1);
      engine.managementService().executeJob(ALICE, jobs.get(0).id());
      ids.add(startPay(engine, 7000L));
      runs++;
    }
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void d2_rotationWhileInstancesStartLosesNothing(EngineDatabase database) throws Exception {
    BulwarkEngine engine = start(database);
    List<String> ids = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(startPay(engine, 5000L));
    }
    LocalKeyStore store = LocalKeyStore.openOrCreate(keys, Secret.of(PASSPHRASE.clone()));
    int oldKey = store.list().get(0).id();
    Thread starter =
        new Thread(
            () -> {
              for (int i = 0; i < 30; i++) {
                ids.add(startPay(engine, 6000L));
              }
            });
    starter.start();
    store.rotate();
    starter.join();
    engine.close();
    engines.clear();

    BulwarkEngine reopened = engine(true);
    // 60 instances x 3 sensitive values under the old key, in runtime and history: two batches.
    assertThat(rowsUnderKey(oldKey)).isEqualTo(360);
    assertThat(runReencryption(reopened, ids)).isGreaterThanOrEqualTo(2);
    assertThat(rowsUnderKey(oldKey)).isZero();
    reopened.close();
    engines.clear();
    store.destroy(oldKey);

    BulwarkEngine afterDestroy = engine(true);
    assertThat(ids).hasSizeGreaterThanOrEqualTo(62);
    for (String id : ids) {
      assertThat(afterDestroy.runtimeService().getVariables(ALICE, id))
          .as("instance %s", id)
          .containsEntry("iban", IBAN)
          .containsEntry("pin", "4711");
    }
  }

  @ParameterizedTest
  @EnumSource(value = EngineDatabase.class, names = "H2")
  void d1_aSensitiveVariableWithoutAKeyStoreIsRefused(EngineDatabase database) {
    dataSource = database.create();
    BulwarkEngine engine = engine(false);
    TestGrants.allToGroup(dataSource, "accounting");
    deploy(engine);

    assertThatThrownBy(() -> startPay(engine, 5000L))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("is marked sensitive, but this engine has no key store")
        .hasMessageNotContaining(IBAN);
  }
}
