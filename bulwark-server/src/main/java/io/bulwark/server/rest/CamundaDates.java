package io.bulwark.server.rest;

import io.bulwark.engine.api.ValidationException;
import io.bulwark.server.rest.variable.VariableJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Dates of query filters and answers in Camunda 7's REST format ({@code
 * yyyy-MM-dd'T'HH:mm:ss.SSSZ}, answered in UTC), and ISO-8601 with an offset on input, as the
 * variable codec reads Date variables.
 */
public final class CamundaDates {

  static final DateTimeFormatter FORMAT = VariableJson.DATE_FORMAT;

  private static final int MAX_LENGTH = 40;

  private CamundaDates() {}

  /** The date text of an answer; null stays null. */
  public static @Nullable String format(@Nullable Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /** Parses the date of query parameter or member {@code field}; a bad one is a 400 naming it. */
  static @Nullable Instant parse(String field, @Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.length() <= MAX_LENGTH) {
      try {
        return OffsetDateTime.parse(text, FORMAT).toInstant();
      } catch (DateTimeParseException camundaFormatFailed) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
          // Reported below without the value.
        }
      }
    }
    throw ValidationException.of(
        field, "date", field + " must be a date like 2024-01-31T13:45:00.000+0100");
  }
}
