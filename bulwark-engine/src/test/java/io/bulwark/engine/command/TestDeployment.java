package io.bulwark.engine.command;

import java.time.Instant;
import java.util.List;

/** A minimal row of the unversioned {@code bw_deployment} table. */
record TestDeployment(String id, String name, String contentHash, Instant deployedAt) {

  static final RowWriter<TestDeployment> WRITER =
      RowWriter.of(
          "bw_deployment",
          Versioning.NONE,
          TestDeployment::id,
          List.of("name", "content_hash", "deployed_at"),
          row -> List.of(row.name(), row.contentHash(), row.deployedAt()));
}
