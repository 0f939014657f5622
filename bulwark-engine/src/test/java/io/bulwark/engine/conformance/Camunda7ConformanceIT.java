package io.bulwark.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.BulwarkEngine;
import io.bulwark.engine.api.BulwarkException;
import io.bulwark.engine.api.DeploymentRequest;
import io.bulwark.engine.api.JobExecutorActivation;
import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.command.EngineDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys every BPMN model of Camunda 7's own test suite ({@value Camunda7Corpus#RELATIVE_PATH},
 * read in place) through the public API, one deployment per file, and classifies each: deployed,
 * refused by policy (script E3, Java class or bean reference Z10, expression reaching Java E2), or
 * rejected with the reason. Logs the counts by folder and the grouped reasons, and writes every
 * model's outcome to {@code target/conformance/camunda7-bpmn.txt}. A rejection that Camunda's own
 * test expects ({@value CamundaExpectedFailures#RESOURCE}) is marked and counted apart; a model so
 * listed that deploys fails the test.
 *
 * <p>The ratchet: the test fails when fewer code-free models deploy than {@link
 * #DEPLOYED_CODE_FREE_AT_LEAST}. Raise it whenever the engine deploys more; never lower it. Without
 * the corpus the test is skipped, and fails when {@code BULWARK_TEST_REQUIRE_ALL=true} (CI).
 */
class Camunda7ConformanceIT {

  /**
   * Code-free models in scope (840 of 861; CMMN cases are out of scope) that deploy; never lower.
   */
  static final int DEPLOYED_CODE_FREE_AT_LEAST = 640;

  private static final Logger LOG = LoggerFactory.getLogger(Camunda7ConformanceIT.class);
  private static final String REQUIRE_ALL = "BULWARK_TEST_REQUIRE_ALL";

  @Test
  void z10_deploysCodeFreeCamunda7ModelsAndRefusesCodeByPolicy() throws IOException {
    Camunda7Corpus corpus = Camunda7Corpus.locate();
    if (corpus == null) {
      String missing =
          "the Camunda 7 conformance corpus "
              + Camunda7Corpus.RELATIVE_PATH
              + " is missing beside the repository root";
      if ("true".equals(System.getenv(REQUIRE_ALL))) {
        fail(missing + "; required because " + REQUIRE_ALL + "=true");
      }
      Assumptions.abort(missing);
    }
    List<Camunda7Corpus.Model> models = corpus.models();
    assertThat(models).as("models in " + corpus.directory()).hasSizeGreaterThan(1000);
    ConformanceReport report =
        new ConformanceReport(deployAll(models), CamundaExpectedFailures.load());
    Path file = Path.of("target", "conformance", "camunda7-bpmn.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        report.table() + "\n" + report.reasons(200) + "\n" + report.details(),
        StandardCharsets.UTF_8);
    LOG.info(
        "Camunda 7 conformance ({}), deployed column: code-free/all; every model in {}\n{}\n{}",
        corpus.directory(),
        file.toAbsolutePath(),
        report.table(),
        report.reasons(40));
    assertThat(report.crashed())
        .as("a model must be deployed or refused with problems, never crash the deployment")
        .isEmpty();
    assertThat(report.deployedWithCode())
        .as("models that need Java code or scripts must never deploy (E3, Z10)")
        .isEmpty();
    assertThat(report.listedButAbsent())
        .as(CamundaExpectedFailures.RESOURCE + " lists models that are not in the corpus")
        .isEmpty();
    assertThat(report.deployedButCamundaExpectsFailure())
        .as(
            "models that Camunda's own tests expect to fail (%s) must not deploy: Bulwark accepts"
                + " what Camunda refuses",
            CamundaExpectedFailures.RESOURCE)
        .isEmpty();
    assertThat(report.deployedCodeFree())
        .as("code-free Camunda 7 models deployed (ratchet; see " + file + ")")
        .isGreaterThanOrEqualTo(DEPLOYED_CODE_FREE_AT_LEAST);
  }

  private static List<Outcome> deployAll(List<Camunda7Corpus.Model> models) {
    List<Outcome> outcomes = new ArrayList<>();
    try (HikariDataSource dataSource = EngineDatabase.H2.open();
        BulwarkEngine engine =
            BulwarkEngine.builder()
                .dataSource(dataSource)
                .jobExecutor(JobExecutorActivation.OFF)
                .build()) {
      for (Camunda7Corpus.Model model : models) {
        outcomes.add(deploy(engine, model));
      }
    }
    return outcomes;
  }

  private static Outcome deploy(BulwarkEngine engine, Camunda7Corpus.Model model) {
    try {
      engine
          .repositoryService()
          .deploy(
              engine.trustedApplication("conformance"),
              DeploymentRequest.of(model.path(), model.fileName(), model.bytes()));
      return Outcome.deployed(model);
    } catch (BpmnValidationException e) {
      return Outcome.refused(model, e);
    } catch (BulwarkException e) {
      return Outcome.rejected(model, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("deploying {} crashed", model.path(), e);
      return Outcome.rejected(model, Outcome.CRASH + e);
    }
  }
}
