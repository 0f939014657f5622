package io.bulwark.engine.api;

import java.util.List;

/** One page of a list and the total count of matching items (W8). */
public record Page<T>(List<T> items, long total) {

  public Page {
    items = List.copyOf(items);
  }
}
