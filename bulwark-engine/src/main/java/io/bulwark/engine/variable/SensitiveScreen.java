package io.bulwark.engine.variable;

import io.bulwark.engine.authz.Requirement;
import io.bulwark.engine.command.Command;
import io.bulwark.engine.command.CommandContext;
import io.bulwark.engine.job.FailureScreen;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Screens text the engine keeps or logs about an instance (incident and job failure messages) for
 * the values of its sensitive variables (D1, D5): every clear form of such a value (its text; a
 * number's digits; a date's ISO-8601 text and epoch milliseconds) is replaced by {@value #MASK}.
 * Reads the instance's sealed rows in the caller's transaction. Thread-safe.
 */
public final class SensitiveScreen implements FailureScreen {

  /** What a sensitive value is replaced by. */
  public static final String MASK = "***";

  private static final String SEALED_OF_INSTANCE =
      "SELECT "
          + VariableRows.COLUMNS
          + " FROM bw_variable WHERE process_instance_id = ? AND cipher_key IS NOT NULL";

  private final SensitiveFields fields;

  public SensitiveScreen(SensitiveFields fields) {
    this.fields = fields;
  }

  /** A screen for an engine without a key store: there are no sealed values to find. */
  public static SensitiveScreen none() {
    return new SensitiveScreen(SensitiveFields.none());
  }

  /** {@code text} with the instance's sensitive values masked; {@code text} when it has none. */
  public String screen(Connection connection, @Nullable String processInstanceId, String text)
      throws SQLException {
    if (processInstanceId == null || fields.cipher().isEmpty()) {
      return text;
    }
    String screened = text;
    for (String form : clearForms(connection, processInstanceId)) {
      screened = screened.replace(form, MASK);
    }
    return screened;
  }

  /** {@link #screen} as a command of its own (a transaction that only reads). */
  @Override
  public Command<String> screening(@Nullable String processInstanceId, String text) {
    return new Command<>() {
      @Override
      public Requirement requirement() {
        return Requirement.none("internal: screens a failure message before it is kept or logged");
      }

      @Override
      public String execute(CommandContext context) throws SQLException {
        return screen(context.connection(), processInstanceId, text);
      }
    };
  }

  /** The clear forms of the instance's readable sensitive values, longest first. */
  private List<String> clearForms(Connection connection, String processInstanceId)
      throws SQLException {
    Set<String> forms = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(SEALED_OF_INSTANCE)) {
      statement.setString(1, processInstanceId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          forms.addAll(forms(fields.valueOf(VariableRows.MAPPER.map(rs))));
        }
      }
    }
    forms.remove("");
    List<String> sorted = new ArrayList<>(forms);
    // Longest first, so that a value containing another is masked whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  private static List<String> forms(TypedValue value) {
    if (value instanceof TypedValue.StringValue s) {
      return List.of(s.value());
    } else if (value instanceof TypedValue.JsonValue j) {
      return List.of(j.json());
    } else if (value instanceof TypedValue.LongValue l) {
      return List.of(Long.toString(l.value()));
    } else if (value instanceof TypedValue.DoubleValue d) {
      return List.of(Double.toString(d.value()));
    } else if (value instanceof TypedValue.DateValue d) {
      return List.of(d.value().toString(), Long.toString(d.value().toEpochMilli()));
    } else if (value instanceof TypedValue.BytesValue b) {
      return List.of(new String(b.value(), StandardCharsets.UTF_8));
    }
    return List.of();
  }
}
