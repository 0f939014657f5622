package io.bulwark.server.rest;

import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.IdentityKind;
import io.bulwark.engine.api.IdentityService;
import io.bulwark.engine.api.ValidationException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulwark's purge of a deleted ID (Z6), which Camunda does not have: {@code DELETE
 * /engine-rest/identity/deleted-ids/{user|group|tenant}/{id}} lets the ID be created again.
 */
@RestController
final class DeletedIdController {

  private static final Map<String, IdentityKind> KINDS =
      Map.of("user", IdentityKind.USER, "group", IdentityKind.GROUP, "tenant", IdentityKind.TENANT);

  private final IdentityService identity;

  DeletedIdController(BulwarkEngine engine) {
    this.identity = engine.identityService();
  }

  @DeleteMapping(RestPaths.DELETED_IDS + "/{kind}/{id}")
  ResponseEntity<Void> purge(
      @PathVariable String kind, @PathVariable String id, Authentication authentication) {
    IdentityKind identityKind = KINDS.get(kind);
    if (identityKind == null) {
      throw ValidationException.of("kind", "allowed-values", "kind must be user, group or tenant");
    }
    identity.purgeDeletedId(Principals.of(authentication), identityKind, id);
    return ResponseEntity.noContent().build();
  }
}
