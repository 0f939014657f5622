package io.bulwark.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.EmbeddedStorageAdmin;
import io.bulwark.engine.api.NewUser;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.Secret;
import io.bulwark.engine.api.StartInstanceRequest;
import io.bulwark.engine.persistence.DatabaseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database file is encrypted with a key from the local key store (D1, D2). */
class EmbeddedEncryptionIT {

  private static final Principal ADMIN = new Principal("admin", Set.of("bulwark-admins"));

  private static final String MARKER_USER = "zebediah-quux";

  private static final String MARKER_VALUE = "Marker-Value-93127-Plaintext";

  private static final String MODEL =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          targetNamespace="http://bulwark.io/test">
        <process id="markerProcess" isExecutable="true">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
          <userTask id="work"/>
          <sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  @Test
  void d1_rawDatabaseFileHoldsNoReadableUserVariableOrModel(@TempDir Path dataDir)
      throws Exception {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      writeMarkers(engine);
    }
    byte[] raw = Files.readAllBytes(dataDir.resolve("db/bulwark.mv.db"));
    assertThat(contains(raw, MARKER_USER)).as("user id in the raw file").isFalse();
    assertThat(contains(raw, MARKER_VALUE)).as("variable in the raw file").isFalse();
    assertThat(contains(raw, "markerProcess")).as("model in the raw file").isFalse();
    assertThat(contains(raw, "$argon2id$")).as("password hash in the raw file").isFalse();
  }

  @Test
  void d1_theSameDataUnencryptedIsReadableInTheRawFile(@TempDir Path dir) throws Exception {
    // The control of the test above: without CIPHER the markers are there to be found.
    Path plainDataDir = dir.resolve("plain");
    try (BulwarkEngine engine = plainEngine(plainDataDir)) {
      writeMarkers(engine);
    }
    byte[] raw = Files.readAllBytes(plainDataDir.resolve("db/bulwark.mv.db"));
    assertThat(contains(raw, MARKER_USER)).isTrue();
    assertThat(contains(raw, "$argon2id$")).isTrue();
  }

  @Test
  void d1_aCopiedDataDirectoryWithoutTheKeyCannotBeOpened(@TempDir Path dir) throws Exception {
    Path dataDir = dir.resolve("data");
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      writeMarkers(engine);
    }
    // Only the database files: no key store.
    Path stolen = dir.resolve("stolen");
    copyTree(dataDir.resolve("db"), stolen.resolve("db"));
    assertThatThrownBy(() -> BulwarkEngine.builder().embedded(stolen).build())
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("key store")
        .hasMessageContaining("is missing");
    assertThat(LocalKeyStore.exists(stolen)).isFalse();
    assertThatThrownBy(() -> rawConnection(stolen, "bulwark", "", ""))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> rawConnection(stolen, "bulwark", "guess ", ";CIPHER=AES"))
        .isInstanceOf(SQLException.class);

    // The database files and the key store, but not its passphrase.
    copyTree(dataDir.resolve("keys"), stolen.resolve("keys"));
    Files.delete(DevPassphraseFile.of(stolen));
    assertThatThrownBy(() -> BulwarkEngine.builder().embedded(stolen).build())
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("cannot unlock the key store");

    // With the key, the copy opens: the data is all there.
    try (Secret passphrase = DevPassphraseFile.readOrCreate(dataDir);
        BulwarkEngine engine = BulwarkEngine.builder().embedded(stolen, passphrase).build()) {
      assertThat(engine.identityService().findUser(MARKER_USER)).isPresent();
    }
  }

  @Test
  void d1_encryptDatabaseMigratesAnUnencryptedDirectoryAndKeepsABackup(@TempDir Path dir)
      throws Exception {
    Path dataDir = dir.resolve("data");
    try (BulwarkEngine engine = plainEngine(dataDir)) {
      writeMarkers(engine);
    }
    assertThatThrownBy(() -> BulwarkEngine.builder().embedded(dataDir).build())
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("is not encrypted")
        .hasMessageContaining("bulwark admin encrypt-database");

    EmbeddedStorageAdmin admin = BulwarkEngine.builder().embedded(dataDir).embeddedAdmin();
    Optional<Path> backup = admin.encryptDatabase();

    assertThat(backup).isPresent();
    assertThat(backup.get().getParent()).isEqualTo(dataDir);
    assertThat(contains(Files.readAllBytes(backup.get().resolve("bulwark.mv.db")), MARKER_USER))
        .as("the backup is the unencrypted original")
        .isTrue();
    assertThat(contains(Files.readAllBytes(dataDir.resolve("db/bulwark.mv.db")), MARKER_USER))
        .as("the migrated file")
        .isFalse();
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.identityService().findUser(MARKER_USER)).isPresent();
    }
    assertThat(admin.encryptDatabase()).as("nothing left to encrypt").isEmpty();
  }

  @Test
  void d2_rotatingAndDestroyingTheOldKeyKeepsTheDatabaseOpen(@TempDir Path dataDir) {
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      writeMarkers(engine);
    }
    EmbeddedStorageAdmin admin = BulwarkEngine.builder().embedded(dataDir).embeddedAdmin();
    int oldKey = admin.listKeys().get(0).id();
    int newKey = admin.rotateKey().id();
    admin.destroyKey(oldKey);

    assertThat(admin.listKeys())
        .singleElement()
        .satisfies(k -> assertThat(k.id()).isEqualTo(newKey));
    try (BulwarkEngine engine = BulwarkEngine.builder().embedded(dataDir).build()) {
      assertThat(engine.identityService().findUser(MARKER_USER)).isPresent();
    }
  }

  private static void writeMarkers(BulwarkEngine engine) {
    engine.identityService().ensureInitialAdministrator();
    try (Secret password = Secret.of("Unusual-Password-4711!")) {
      engine
          .identityService()
          .createUser(
              ADMIN,
              new NewUser(
                  MARKER_USER, "Zebediah Quux", password, NewUser.PasswordChange.NOT_REQUIRED));
    }
    engine
        .repositoryService()
        .deploy(
            ADMIN,
            DeploymentRequest.of(
                "markers", "markers.bpmn", MODEL.getBytes(StandardCharsets.UTF_8)));
    engine
        .runtimeService()
        .startProcessInstance(
            ADMIN,
            StartInstanceRequest.byKey("markerProcess")
                .withVariables(Map.of("note", MARKER_VALUE)));
  }

  /** An engine on the unencrypted file layout of Bulwark before D1. */
  private static BulwarkEngine plainEngine(Path dataDir) throws Exception {
    Files.createDirectories(dataDir.resolve("db"));
    String url =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("db").resolve("bulwark")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    return BulwarkEngine.builder().jdbc(url, "bulwark", Secret.of("")).build();
  }

  private static Connection rawConnection(
      Path dataDir, String user, String password, String options) throws SQLException {
    String url =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("db").resolve("bulwark")
            + ";IFEXISTS=TRUE"
            + options;
    return DriverManager.getConnection(url, user, password);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
