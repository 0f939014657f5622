package io.bulwark.engine.runtime;

import java.sql.SQLException;

/** One step on the {@link Agenda}; implementations are named records in {@link Operations}. */
interface Operation {

  void run(RuntimeSession session) throws SQLException;
}
