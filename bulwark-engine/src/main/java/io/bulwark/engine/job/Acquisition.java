package io.bulwark.engine.job;

import java.util.List;

/**
 * The result of one acquisition: the jobs now locked by this node, and how many due jobs were seen
 * (more seen than locked means another node won a race, so it is worth asking again soon).
 */
public record Acquisition(List<JobRow> locked, int candidates) {

  public Acquisition {
    locked = List.copyOf(locked);
  }
}
