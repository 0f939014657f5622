package io.bulwark.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.bulwark.engine.api.BulwarkEngineBuilder;
import io.bulwark.engine.bootstrap.EngineBootstrap;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;

/** The layering rules of STYLE.md, kept by the build. */
@AnalyzeClasses(
    packages = "io.bulwark.engine",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * The one internal class the API may use: {@code BulwarkEngineBuilder.build()} must start an
   * engine without a service locator, so it calls this single documented entry point.
   */
  static final String API_ENTRY_POINT = "io.bulwark.engine.bootstrap.EngineBootstrap";

  @ArchTest
  static final ArchRule engineDependsOnNoSpring =
      noClasses()
          .that()
          .resideInAPackage("io.bulwark.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule apiDependsOnNothingInternal =
      noClasses()
          .that()
          .resideInAPackage("io.bulwark.engine.api..")
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are internal engine classes other than " + API_ENTRY_POINT,
                  (JavaClass c) ->
                      c.getPackageName().startsWith("io.bulwark.engine")
                          && !c.getPackageName().startsWith("io.bulwark.engine.api")
                          && !c.getName().equals(API_ENTRY_POINT)));

  @ArchTest
  static final ArchRule securityCoreDoesNotDependOnWorkflow =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.bulwark.engine.identity..",
              "io.bulwark.engine.authz..",
              "io.bulwark.engine.crypto..",
              "io.bulwark.engine.audit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.bulwark.engine.bpmn..",
              "io.bulwark.engine.runtime..",
              "io.bulwark.engine.deployment..",
              "io.bulwark.engine.instance..",
              "io.bulwark.engine.task..",
              "io.bulwark.engine.job..")
          .allowEmptyShould(true);

  /**
   * No cycles between engine packages. The API's single call into bootstrap (see {@link
   * #API_ENTRY_POINT}) closes the loop api → bootstrap → api by design; only that one dependency is
   * ignored.
   */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching("io.bulwark.engine.(*)..")
          .should()
          .beFreeOfCycles()
          .ignoreDependency(BulwarkEngineBuilder.class, EngineBootstrap.class);

  private static final Set<String> STATEMENT_TEXT_METHODS =
      Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

  /**
   * E5: SQL reaches the database only through prepared statements, values bound as parameters. No
   * engine class creates a plain {@code Statement} or hands SQL text to one at execution time,
   * where a value could only be concatenated in.
   */
  @ArchTest
  static final ArchRule e5_sqlOnlyThroughPreparedStatements =
      noClasses()
          .that()
          .resideInAPackage("io.bulwark.engine..")
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "a plain JDBC statement or SQL text passed at execution",
                  (JavaMethodCall call) -> {
                    JavaClass owner = call.getTargetOwner();
                    String name = call.getName();
                    boolean takesText =
                        call.getTarget().getRawParameterTypes().stream()
                            .anyMatch(t -> t.isEquivalentTo(String.class));
                    return (owner.isAssignableTo(Connection.class)
                            && name.equals("createStatement"))
                        || (owner.isAssignableTo(Statement.class)
                            && takesText
                            && STATEMENT_TEXT_METHODS.contains(name));
                  }));
}
