package io.bulwark.engine.command;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.security.SecureRandom;

/**
 * Ids of new rows: UUID version 7 (RFC 9562), a millisecond timestamp followed by 74 bits from
 * {@link SecureRandom}. Rows created one after another get ids that sort after one another, so that
 * each insert into a primary key or into an index on an id lands on the right edge of the B-tree,
 * where the pages are already in memory, instead of on a random page; the random bits keep the ids
 * as hard to guess as random UUIDs: an id never tells the next one, not even within the same
 * millisecond (ids of one millisecond are in no particular order).
 */
public final class RowIds {

  private static final TimeBasedEpochRandomGenerator GENERATOR =
      Generators.timeBasedEpochRandomGenerator(new SecureRandom());

  private RowIds() {}

  /** A new id, in the 36-character form of a UUID. */
  public static String next() {
    return GENERATOR.generate().toString();
  }
}
