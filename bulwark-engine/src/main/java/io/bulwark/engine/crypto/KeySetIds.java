package io.bulwark.engine.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids of a key set's keys and of its primary (D2), to compare a node's key set with the one
 * published in the database without opening either.
 */
public record KeySetIds(int primary, Set<Integer> all) {

  public KeySetIds {
    all = Set.copyOf(all);
  }

  static KeySetIds of(KeysetHandle handle) {
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < handle.size(); i++) {
      ids.add(handle.getAt(i).getId());
    }
    return new KeySetIds(handle.getPrimary().getId(), ids);
  }
}
