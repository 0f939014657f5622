package io.bulwark.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant, as the API shows it; users and groups are its members.
 *
 * @param id the tenant ID (Z7)
 * @param name the name shown to people
 * @param created when the tenant was created
 * @param revision the optimistic-locking revision, incremented on every change
 */
public record Tenant(String id, String name, Instant created, long revision) {

  public Tenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
  }
}
