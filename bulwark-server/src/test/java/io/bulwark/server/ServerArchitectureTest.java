package io.bulwark.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of STYLE.md for the server: it uses only the engine's public API. */
class ServerArchitectureTest {

  private static JavaClasses serverClasses;

  @BeforeAll
  static void importClasses() {
    serverClasses =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark.server");
  }

  @Test
  void serverUsesOnlyTheEnginesPublicApi() {
    noClasses()
        .that()
        .resideInAPackage("io.bulwark.server..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.bulwark.engine..")
                .and(not(resideInAPackage("io.bulwark.engine.api.."))))
        .because("the engine's internals may change; the server builds on io.bulwark.engine.api")
        .check(serverClasses);
  }

  @Test
  void serverPackagesHaveNoCycles() {
    slices().matching("io.bulwark.server.(*)..").should().beFreeOfCycles().check(serverClasses);
  }
}
