package io.bulwark.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.engine.command.EngineDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code camunda:followUpDate} on a user task, as Camunda's TaskFollowUpDateExtensionsTest asserts:
 * the expression's date (a date variable, an ISO 8601 date-time or a duration from now) becomes the
 * task's follow-up date; without the attribute the task has none.
 */
class FollowUpDateIT {

  @AutoClose private TestEngine engine;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void theFollowUpDateOfAUserTaskComesFromItsExpression(EngineDatabase db) {
    engine = new TestEngine(db);
    engine.deployXml("followUp", Models.oneTask("followUp", "camunda:followUpDate=\"${date}\""));
    engine.deployXml("plain", Models.oneTask("plain", ""));

    Instant june = Instant.parse("2012-06-06T12:10:00Z");
    String byDate = engine.start("followUp", Map.of("date", Date.from(june))).id();
    assertThat(engine.onlyTask(byDate).followUpDate()).isEqualTo(june);

    String byText = engine.start("followUp", Map.of("date", "2012-06-06T14:10:00+02:00")).id();
    assertThat(engine.onlyTask(byText).followUpDate()).isEqualTo(june);

    Instant before = Instant.now();
    String byDuration = engine.start("followUp", Map.of("date", "PT2H")).id();
    assertThat(engine.onlyTask(byDuration).followUpDate())
        .isBetween(before.plusSeconds(7_199), Instant.now().plusSeconds(7_201));

    String none = engine.start("plain", Map.of()).id();
    assertThat(engine.onlyTask(none).followUpDate()).isNull();
  }
}
