package io.bulwark.engine.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.authz.Permission;
import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.authz.ResourceType;
import io.bulwark.engine.command.Actor;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Variables of every type survive the round trip through {@code bw_variable} on each database. */
class VariableRepositoryIT {

  private static final VariableScope SCOPE = VariableScope.execution("exec-1", "pi-1");

  @AutoClose private HikariDataSource dataSource;
  private CommandExecutor executor;

  /** Sets variables of one scope, as the instance and task commands will. */
  record SetVariablesCommand(
      VariableRepository repository, VariableScope scope, Map<String, Object> values)
      implements Command<List<VariableRow>> {
    @Override
    public Requirement requirement() {
      return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.UPDATE, "pi-1");
    }

    @Override
    public List<VariableRow> execute(CommandContext context) throws SQLException {
      return repository.setAll(context, scope, values, java.util.Set.of());
    }
  }

  /** Reads the variables of one scope. */
  record GetVariablesCommand(VariableRepository repository, VariableScope scope)
      implements Command<Map<String, TypedValue>> {
    @Override
    public Requirement requirement() {
      return Requirement.of(ResourceType.PROCESS_INSTANCE, Permission.READ, "pi-1");
    }

    @Override
    public Map<String, TypedValue> execute(CommandContext context) throws SQLException {
      return repository.findByScope(context.connection(), scope.id()).values().stream()
          .collect(Collectors.toMap(VariableRow::name, VariableRows::toValue));
    }
  }

  private VariableRepository start(EngineDatabase database, VariableSettings settings) {
    dataSource = database.create();
    executor = new CommandExecutor(dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
    return new VariableRepository(new VariableValues(settings), SensitiveFields.none());
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void everyTypeRoundTripsAndUpdatesBumpRevision(EngineDatabase database) {
    VariableRepository repository = start(database, VariableSettings.defaults());
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("s", "short");
    input.put("long_text", "é".repeat(5000));
    input.put("b", true);
    input.put("l", Long.MAX_VALUE);
    input.put("d", 2.5);
    input.put("t", Instant.parse("2026-01-02T03:04:05.678Z"));
    input.put("j", Map.of("k", List.of(1, 2)));
    input.put("bytes", new byte[] {1, 2, 3});
    input.put("nothing", null);
    Actor actor = Actor.user("alice");
    executor.execute(actor, new SetVariablesCommand(repository, SCOPE, input));
    executor.execute(actor, new SetVariablesCommand(repository, SCOPE, Map.of("s", "changed")));

    Map<String, TypedValue> stored =
        executor.execute(actor, new GetVariablesCommand(repository, SCOPE));
    VariableValues values = new VariableValues(VariableSettings.defaults());
    Map<String, TypedValue> expected = new HashMap<>();
    input.forEach((name, value) -> expected.put(name, values.fromJava(name, value)));
    expected.put("s", new TypedValue.StringValue("changed"));
    assertThat(stored).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void w11_rejectsTooManyVariables(EngineDatabase database) {
    VariableRepository repository =
        start(database, VariableSettings.defaults().withMaxVariablesPerScope(3));
    Actor actor = Actor.user("alice");
    executor.execute(actor, new SetVariablesCommand(repository, SCOPE, Map.of("a", 1, "b", 2)));

    Map<String, Object> twoMore = Map.of("c", 3, "d", 4);
    assertThatThrownBy(
            () -> executor.execute(actor, new SetVariablesCommand(repository, SCOPE, twoMore)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope exec-1 would hold 4 variables; the limit is 3 (W11)");
    // Updating existing variables does not count against the limit.
    executor.execute(
        actor, new SetVariablesCommand(repository, SCOPE, Map.of("a", 10, "b", 20, "c", 30)));
    assertThat(executor.execute(actor, new GetVariablesCommand(repository, SCOPE))).hasSize(3);
  }
}
