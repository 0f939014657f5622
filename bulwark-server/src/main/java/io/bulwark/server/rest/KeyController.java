package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.KeyDestruction;
import io.bulwark.engine.api.KeyInfo;
import io.bulwark.engine.api.KeyRotation;
import io.bulwark.engine.api.KeyService;
import io.bulwark.engine.api.Principal;
import io.bulwark.server.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key store's key set, which Camunda does not have (D2): {@code GET /engine-rest/key} lists the
 * keys, primary first (READ on SYSTEM); {@code POST /engine-rest/key/rotate} adds a new primary key
 * while the server runs (UPDATE on SYSTEM, which administrators hold): new values use it at once,
 * e-mail addresses are re-encrypted before the answer, sensitive variables by a background job.
 * Each rotation is appended to the audit log as {@code key_rotated} (D4). {@code POST
 * /engine-rest/key/{id}/destroy} destroys a key that is neither the primary nor possibly needed by
 * the pending re-encryption job (UPDATE on SYSTEM; 409 otherwise), answers how many stored values
 * are unreadable from now on (crypto-shredding) and is audited as {@code key_destroyed}. Never key
 * material.
 */
@RestController
final class KeyController {

  private static final String PATH = RestPaths.BASE + "/key";

  /** A key as the API shows it. */
  record KeyJson(int id, String algorithm, boolean primary, int values) {

    static KeyJson of(KeyInfo key) {
      return new KeyJson(key.id(), key.algorithm(), key.primary(), key.values());
    }
  }

  /** What a rotation did, and the rule for destroying the previous key. */
  record RotationJson(
      KeyJson primary,
      int previousPrimary,
      int emailAddresses,
      boolean variableReencryption,
      String destroy) {}

  /** What a destroy did, and what it means. */
  record DestructionJson(int id, long unreadableValues, String consequence) {}

  private final KeyService keys;
  private final AuditTrail audit;

  KeyController(BulwarkEngine engine, AuditTrail audit) {
    this.keys = engine.keyService();
    this.audit = audit;
  }

  @GetMapping(PATH)
  List<KeyJson> list(Authentication authentication) {
    return keys.listKeys(Principals.of(authentication)).stream().map(KeyJson::of).toList();
  }

  @PostMapping(PATH + "/rotate")
  RotationJson rotate(Authentication authentication, HttpServletRequest request) {
    Principal actor = Principals.of(authentication);
    KeyRotation rotation = keys.rotate(actor);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("previous_key", Integer.toString(rotation.previousPrimary()));
    details.put("email_addresses", Integer.toString(rotation.emailAddresses()));
    details.put("variable_reencryption", Boolean.toString(rotation.variableReencryption()));
    details.put("client", request.getRemoteAddr());
    audit.append(actor.userId(), "key_rotated", "key " + rotation.primary().id(), details);
    return new RotationJson(
        KeyJson.of(rotation.primary()),
        rotation.previousPrimary(),
        rotation.emailAddresses(),
        rotation.variableReencryption(),
        rotation.destroyRule());
  }

  @PostMapping(PATH + "/{id}/destroy")
  DestructionJson destroy(
      @PathVariable("id") int id, Authentication authentication, HttpServletRequest request) {
    Principal actor = Principals.of(authentication);
    KeyDestruction destroyed = keys.destroy(actor, id);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("unreadable_values", Long.toString(destroyed.unreadableValues()));
    details.put("client", request.getRemoteAddr());
    audit.append(actor.userId(), "key_destroyed", "key " + destroyed.keyId(), details);
    return new DestructionJson(
        destroyed.keyId(), destroyed.unreadableValues(), destroyed.consequence());
  }
}
