package io.bulwark.engine.command;

import java.time.Instant;
import java.util.List;

/** A minimal row of the unversioned {@code bw_deployment} table. */
record TestDeployment(String id, String name, String contentHash, Instant deployedAt) {

  static final RowWriter<TestDeployment> WRITER =
      new RowWriter<>() {
        @Override
        public String table() {
          return "bw_deployment";
        }

        @Override
        public List<String> columns() {
          return List.of("name", "content_hash", "deployed_at");
        }

        @Override
        public Versioning versioning() {
          return Versioning.NONE;
        }

        @Override
        public String id(TestDeployment row) {
          return row.id();
        }

        @Override
        public List<Object> values(TestDeployment row) {
          return List.of(row.name(), row.contentHash(), row.deployedAt());
        }
      };
}
