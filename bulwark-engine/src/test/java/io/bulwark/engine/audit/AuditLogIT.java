package io.bulwark.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.AuditEvent;
import io.bulwark.engine.api.AuditRecord;
import io.bulwark.engine.api.AuditService;
import io.bulwark.engine.api.AuditVerification;
import io.bulwark.engine.api.AuditVerification.Outcome;
import io.bulwark.engine.api.AuthorizationDeniedException;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.crypto.AuditSigner;
import io.bulwark.engine.persistence.Database;
import io.bulwark.testing.db.EveryDatabaseTest;
import io.bulwark.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * D4 on H2 and PostgreSQL: the chain links every record to the one before it; verification names
 * the first edited, deleted or swapped record, a removed tail and a forged checkpoint; two engines
 * on one database appending at once give one chain without forks.
 */
class AuditLogIT {

  private static final Principal ADMIN = new Principal("test-admin", Set.of("bulwark-admins"));
  private static final AuditSigner SIGNER = signer();

  private static AuditSigner signer() {
    try (Secret keyset = Secret.of(AuditSigner.newKeyset())) {
      return AuditSigner.of(keyset);
    }
  }

  private static Database open(TestDatabase db) {
    return Database.jdbc(db.jdbcUrl(), db.username(), db.password().toCharArray());
  }

  private static AuditService audit(Database database) {
    return new DatabaseAuditService(
        new CommandExecutor(database.dataSource(), new GrantChecker(), Clock.systemUTC()),
        Optional.of(SIGNER));
  }

  private static AuditEvent event(int i) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("outcome", "success");
    details.put("client", "10.0.0." + i);
    return new AuditEvent("node-a", "user" + i, "login_success", "user" + i, details);
  }

  private static AuditService withRecords(Database database, int count) {
    AuditService audit = audit(database);
    for (int i = 1; i <= count; i++) {
      audit.append(event(i));
    }
    return audit;
  }

  private static void sql(TestDatabase db, String... statements) throws SQLException {
    try (Connection connection = db.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.executeUpdate(sql);
      }
    }
  }

  @EveryDatabaseTest
  void d4_recordsAreChainedAndAnIntactLogVerifies(TestDatabase db) {
    try (Database database = open(db)) {
      AuditService audit = withRecords(database, 3);
      List<AuditRecord> records = audit.list(ADMIN, 0, 0, 10).items();
      assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
      assertThat(records.get(0).prevHash()).isEqualTo("0".repeat(64));
      assertThat(records.get(1).prevHash()).isEqualTo(records.get(0).hash());
      assertThat(records.get(2).details())
          .isEqualTo("{\"outcome\":\"success\",\"client\":\"10.0.0.3\"}");
      assertThat(audit.list(ADMIN, 1, 0, 10).items())
          .extracting(AuditRecord::seq)
          .containsExactly(2L, 3L);
      assertThat(audit.verify(ADMIN, 1000))
          .isEqualTo(new AuditVerification(Outcome.VALID, 3, 0, 0, 0, ""));
    }
  }

  @EveryDatabaseTest
  void d4_verificationNamesAnEditedRecord(TestDatabase db) throws SQLException {
    try (Database database = open(db)) {
      AuditService audit = withRecords(database, 5);
      sql(db, "UPDATE bw_audit_record SET principal = 'mallory' WHERE seq = 3");
      AuditVerification result = audit.verify(ADMIN, 1000);
      assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
      assertThat(result.firstBadSeq()).isEqualTo(3);
      assertThat(result.problem()).isEqualTo("record 3 was changed after it was written");
    }
  }

  @EveryDatabaseTest
  void d4_verificationNamesADeletedRecordAndARemovedTail(TestDatabase db) throws SQLException {
    try (Database database = open(db)) {
      AuditService audit = withRecords(database, 5);
      sql(db, "DELETE FROM bw_audit_record WHERE seq = 5");
      assertThat(audit.verify(ADMIN, 1000).problem())
          .startsWith("the log ends at record 4 but its head names record 5");
      sql(db, "DELETE FROM bw_audit_record WHERE seq = 2");
      AuditVerification result = audit.verify(ADMIN, 1000);
      assertThat(result.firstBadSeq()).isEqualTo(2);
      assertThat(result.problem()).isEqualTo("record 2 was removed");
      assertThat(result.records()).isEqualTo(1);
    }
  }

  @EveryDatabaseTest
  void d4_verificationNamesSwappedRecords(TestDatabase db) throws SQLException {
    try (Database database = open(db)) {
      AuditService audit = withRecords(database, 5);
      sql(
          db,
          "UPDATE bw_audit_record SET seq = -1 WHERE seq = 2",
          "UPDATE bw_audit_record SET seq = 2 WHERE seq = 3",
          "UPDATE bw_audit_record SET seq = 3 WHERE seq = -1");
      AuditVerification result = audit.verify(ADMIN, 1000);
      assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
      assertThat(result.firstBadSeq()).isEqualTo(2);
      assertThat(result.problem()).startsWith("record 2 does not follow record 1");
    }
  }

  @EveryDatabaseTest
  void d4_checkpointsAreSignedAndAForgedOneFails(TestDatabase db) throws SQLException {
    try (Database database = open(db)) {
      AuditService audit = withRecords(database, AuditService.CHECKPOINT_INTERVAL * 2 + 1);
      assertThat(audit.verify(ADMIN, 1000))
          .isEqualTo(new AuditVerification(Outcome.VALID, 201, 2, 0, 0, ""));
      AuditVerification tooLarge = audit.verify(ADMIN, 200);
      assertThat(tooLarge.outcome()).isEqualTo(Outcome.TOO_LARGE);
      assertThat(tooLarge.problem()).contains("201 records");
      String other = signer().sign(AuditChain.checkpointText(100, "0".repeat(64)));
      sql(db, "UPDATE bw_audit_checkpoint SET signature = '" + other + "' WHERE seq = 100");
      AuditVerification forged = audit.verify(ADMIN, 1000);
      assertThat(forged.firstBadSeq()).isEqualTo(100);
      assertThat(forged.problem()).isEqualTo("the signature of checkpoint 100 does not verify");
    }
  }

  @EveryDatabaseTest
  void d4_concurrentAppendsFromTwoEnginesGiveOneChain(TestDatabase db) throws Exception {
    int threadsPerEngine = 4;
    int appendsPerThread = 40;
    try (Database nodeA = open(db);
        Database nodeB = open(db)) {
      List<AuditService> engines = List.of(audit(nodeA), audit(nodeB));
      ExecutorService pool = Executors.newFixedThreadPool(threadsPerEngine * 2);
      try {
        List<Future<?>> appends = new ArrayList<>();
        for (AuditService engine : engines) {
          for (int t = 0; t < threadsPerEngine; t++) {
            appends.add(
                pool.submit(
                    () -> {
                      for (int i = 0; i < appendsPerThread; i++) {
                        engine.append(event(i));
                      }
                    }));
          }
        }
        for (Future<?> append : appends) {
          append.get();
        }
      } finally {
        pool.shutdown();
      }
      int total = threadsPerEngine * 2 * appendsPerThread;
      assertThat(engines.get(1).verify(ADMIN, 10_000))
          .isEqualTo(new AuditVerification(Outcome.VALID, total, total / 100, 0, 0, ""));
      List<AuditRecord> all = new ArrayList<>();
      engines.get(0).export(ADMIN, all::add);
      assertThat(all)
          .extracting(AuditRecord::seq)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
      assertThat(all.stream().map(AuditRecord::prevHash).distinct().count()).isEqualTo(total);
    }
  }

  @EveryDatabaseTest
  void d4_readingNeedsReadOnTheAuditLogAndBadNamesAreRefused(TestDatabase db) {
    try (Database database = open(db)) {
      AuditService audit = withRecords(database, 1);
      Principal nobody = new Principal("nobody", Set.of());
      assertThatThrownBy(() -> audit.list(nobody, 0, 0, 10))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(() -> audit.verify(nobody, 10))
          .isInstanceOf(AuthorizationDeniedException.class);
      assertThatThrownBy(
              () -> audit.append(new AuditEvent("n", null, "Login Success", null, Map.of())))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("kind");
      assertThatThrownBy(() -> audit.list(ADMIN, 0, 0, 5000))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("maxResults");
    }
  }
}
