package io.bulwark.testing.db;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Supplies a fresh H2 database, then a fresh PostgreSQL database, lazily. */
public final class EveryDatabaseProvider implements ArgumentsProvider {

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    return Stream.of(Vendor.values()).map(vendor -> Arguments.of(fresh(vendor)));
  }

  static TestDatabase fresh(Vendor vendor) {
    return switch (vendor) {
      case H2 -> H2Databases.fresh();
      case POSTGRESQL -> PostgresCluster.shared().createDatabase();
    };
  }
}
