package io.bulwark.engine.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import io.bulwark.engine.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs and verifies the audit log's checkpoints (D4) with a Tink Ed25519 key set kept, encrypted,
 * in the local key store. Thread-safe (Tink's primitives are).
 */
public final class AuditSigner {

  static {
    try {
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final PublicKeySign sign;
  private final PublicKeyVerify verify;
  private final int keyId;

  private AuditSigner(KeysetHandle privateKeys) throws GeneralSecurityException {
    this.sign = privateKeys.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
    this.verify =
        privateKeys
            .getPublicKeysetHandle()
            .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    this.keyId = privateKeys.getPrimary().getId();
  }

  /** A new key set, serialized for the key store (base64 of Tink's binary format). */
  public static String newKeyset() {
    try {
      KeysetHandle keys = KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519);
      return Base64.getEncoder()
          .encodeToString(
              TinkProtoKeysetFormat.serializeKeyset(keys, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot create the audit signing key", e);
    }
  }

  /** The signer of a key set from {@link LocalKeyStore#auditSigningKeyset()}. */
  public static AuditSigner of(Secret keyset) {
    try {
      byte[] bytes = Base64.getDecoder().decode(new String(keyset.reveal()));
      return new AuditSigner(
          TinkProtoKeysetFormat.parseKeyset(bytes, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CryptoException("the audit signing key in the key store is damaged", e);
    }
  }

  /** The id of the key that signs. */
  public int keyId() {
    return keyId;
  }

  /** A signature over {@code text} (UTF-8), base64. */
  public String sign(String text) {
    try {
      return Base64.getEncoder().encodeToString(sign.sign(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new CryptoException("cannot sign an audit checkpoint", e);
    }
  }

  /** Whether {@code signature} (base64) is this key set's signature over {@code text}. */
  public boolean verifies(String signature, String text) {
    try {
      verify.verify(Base64.getDecoder().decode(signature), text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
