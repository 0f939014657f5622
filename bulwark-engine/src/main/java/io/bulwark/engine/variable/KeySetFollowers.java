package io.bulwark.engine.variable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether every live node that shares the database encrypts with the newest key set (D2): until
 * then the re-encryption job keeps running, since a lagging node may still write under an older
 * key.
 */
@FunctionalInterface
public interface KeySetFollowers {

  /** A single node: nobody lags. */
  KeySetFollowers ALONE = connection -> true;

  /** Whether no live node uses an older key-set version than the published one. */
  boolean allSwitched(Connection connection) throws SQLException;
}
