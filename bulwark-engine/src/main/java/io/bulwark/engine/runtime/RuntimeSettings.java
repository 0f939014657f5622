package io.bulwark.engine.runtime;

import io.bulwark.engine.api.HistoryLevel;
import io.bulwark.engine.bpmn.ParseOptions;
import io.bulwark.engine.variable.VariableSettings;
import java.util.Objects;

/**
 * Settings of the process engine core.
 *
 * @param historyLevel what history is written; default {@link HistoryLevel#AUDIT}
 * @param parseOptions limits and the delegate allowlist for reading BPMN (E1, Z10); default safe
 * @param definitionCacheSize parsed definitions kept in memory; default 1000, 10..100000
 * @param variables variable limits (E4, W11); default {@link VariableSettings#defaults()}
 */
public record RuntimeSettings(
    HistoryLevel historyLevel,
    ParseOptions parseOptions,
    int definitionCacheSize,
    VariableSettings variables) {

  public static final int DEFAULT_DEFINITION_CACHE_SIZE = 1000;

  public RuntimeSettings {
    Objects.requireNonNull(historyLevel, "historyLevel");
    Objects.requireNonNull(parseOptions, "parseOptions");
    Objects.requireNonNull(variables, "variables");
    if (definitionCacheSize < 10 || definitionCacheSize > 100_000) {
      throw new IllegalArgumentException(
          "invalid definitionCacheSize " + definitionCacheSize + "; allowed is 10 to 100000");
    }
  }

  public static RuntimeSettings defaults() {
    return new RuntimeSettings(
        HistoryLevel.AUDIT,
        ParseOptions.defaults(),
        DEFAULT_DEFINITION_CACHE_SIZE,
        VariableSettings.defaults());
  }

  public RuntimeSettings withHistoryLevel(HistoryLevel level) {
    return new RuntimeSettings(level, parseOptions, definitionCacheSize, variables);
  }

  public RuntimeSettings withParseOptions(ParseOptions options) {
    return new RuntimeSettings(historyLevel, options, definitionCacheSize, variables);
  }
}
