package io.bulwark.bench.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order of the engines within a round: as given in even rounds, reversed in odd ones (A B C D,
 * D C B A, …). Over two rounds every engine then has the same mean position, so none is always the
 * first child after what came before (the build, pgbench, another workload) or always the one just
 * before pgbench.
 */
final class RoundOrder {

  private RoundOrder() {}

  static List<String> of(List<String> engines, int round) {
    List<String> order = new ArrayList<>(engines);
    if (round % 2 == 1) {
      Collections.reverse(order);
    }
    return List.copyOf(order);
  }
}
