package io.bulwark.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.api.Secret;
import io.bulwark.engine.identity.PasswordHasher.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stored schemes and their verdicts (A3); the Camunda hash is computed here with the JDK. */
class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  /** SHA-512 over the UTF-8 of password + salt, Base64, with Camunda's prefix. */
  private static String camundaHash(String password, String salt) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-512")
            .digest((password + salt).getBytes(StandardCharsets.UTF_8));
    return "{SHA-512}" + Base64.getEncoder().encodeToString(digest);
  }

  private Verification verify(String password, String stored) {
    try (Secret raw = Secret.of(password);
        Secret normalized = PasswordText.nfkc(raw)) {
      return hasher.verify(raw, normalized, stored);
    }
  }

  @Test
  void a3_currentHashNamesItsVersionAndParameters() {
    String stored;
    try (Secret secret = Secret.of("correct horse battery")) {
      stored = hasher.hash(secret);
    }
    assertThat(stored).startsWith("{argon2id-2}$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(verify("correct horse battery", stored)).isEqualTo(Verification.MATCH);
    assertThat(verify("correct horse batterY", stored)).isEqualTo(Verification.MISMATCH);
  }

  @Test
  void a3_camundaSha512MatchesAsOutdatedAndNothingElseDoes() throws Exception {
    String salt = "5Qb7dDtUqbxQwSPL0CeGJg==";
    String password = "Grüße aus Köln 1";
    String stored = PasswordHasher.storedSha512(camundaHash(password, salt), salt);

    assertThat(verify(password, stored)).isEqualTo(Verification.MATCH_OUTDATED);
    assertThat(verify("Grüße aus Köln 2", stored)).isEqualTo(Verification.MISMATCH);
    assertThat(verify(password, camundaHash(password, salt))).isEqualTo(Verification.MISMATCH);
    assertThat(PasswordHasher.isSha512Hash(camundaHash(password, salt))).isTrue();
    assertThat(PasswordHasher.isSha512Hash("{SHA-512}abc")).isFalse();
    assertThat(PasswordHasher.isSha512Hash("{SHA}" + "A".repeat(92))).isFalse();
  }

  @Test
  void a3_versionOneAndOtherParametersAreOutdatedPlainValuesNeverMatch() {
    String v1;
    try (Secret secret = Secret.of("correct horse battery")) {
      v1 = hasher.hash(secret).substring(PasswordHasher.VERSION_2.length());
    }
    assertThat(verify("correct horse battery", v1)).isEqualTo(Verification.MATCH_OUTDATED);
    assertThat(verify("correct horse battery", "correct horse battery"))
        .isEqualTo(Verification.MISMATCH);
    assertThat(verify("correct horse battery", null)).isEqualTo(Verification.MISMATCH);
    assertThat(verify("x", "{argon2id-2}$argon2id$broken")).isEqualTo(Verification.MISMATCH);
  }

  @Test
  void a4_hashIsOverTheNormalizedForm() {
    String stored;
    try (Secret typed = Secret.of("ｆｕｌｌ ｗｉｄｔｈ ｐａｓｓ");
        Secret normalized = PasswordText.nfkc(typed)) {
      stored = hasher.hash(normalized);
    }
    assertThat(verify("full width pass", stored)).isEqualTo(Verification.MATCH);
    assertThat(verify("ｆｕｌｌ ｗｉｄｔｈ ｐａｓｓ", stored)).isEqualTo(Verification.MATCH);
  }

  @Test
  void a3_pluggedEncoderValuesMatchItsOwnVerdictAndArgon2idBecomesOutdated() {
    PasswordHasher plugged =
        new PasswordHasher(
            Optional.of(
                new PluggedPasswordEncoderIT.ScryptEncoder("scrypt-test-2") {
                  @Override
                  public boolean outdated(String encoded) {
                    return encoded.startsWith("$");
                  }
                }));
    String builtIn;
    String own;
    try (Secret normalized = Secret.of("correct horse battery")) {
      builtIn = hasher.hash(normalized);
      own = plugged.hash(normalized);
    }
    assertThat(own).startsWith("{scrypt-test-2}$");
    assertThat(plugged.currentLabel()).isEqualTo("{scrypt-test-2}");
    try (Secret raw = Secret.of("correct horse battery");
        Secret wrong = Secret.of("correct horse battery!")) {
      assertThat(plugged.verify(raw, raw, builtIn)).isEqualTo(Verification.MATCH_OUTDATED);
      assertThat(plugged.verify(wrong, wrong, builtIn)).isEqualTo(Verification.MISMATCH);
      assertThat(plugged.verify(wrong, wrong, own)).isEqualTo(Verification.MISMATCH);
      // The encoder names its own value outdated (as after a change of its parameters).
      assertThat(plugged.verify(raw, raw, own)).isEqualTo(Verification.MATCH_OUTDATED);
      PasswordHasher sameScheme =
          new PasswordHasher(
              Optional.of(new PluggedPasswordEncoderIT.ScryptEncoder("scrypt-test-2")));
      assertThat(sameScheme.verify(raw, raw, own)).isEqualTo(Verification.MATCH);
      assertThat(hasher.verify(raw, raw, own)).isEqualTo(Verification.MISMATCH);
    }
  }
}
