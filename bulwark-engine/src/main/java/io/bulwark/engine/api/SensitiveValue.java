package io.bulwark.engine.api;

import java.util.Objects;

/**
 * What a reader gets in place of a sensitive variable's value (D1, D5): its type and why the clear
 * value is not shown. Never holds the value; {@link #toString()} is the mask {@value #MASK}.
 *
 * @param type the stored type, lower case as in the REST API ({@code string}, {@code long}, …)
 * @param state why there is no clear value
 */
public record SensitiveValue(String type, State state) {

  /** The text shown instead of a sensitive value. */
  public static final String MASK = "***";

  /** Why the clear value is not shown. */
  public enum State {
    /** The reader may not see it: history, the operation log, logs and error messages. */
    MASKED,
    /** The key that encrypted it was destroyed (crypto-shredding, D2): it can never be read. */
    DESTROYED,
    /** The ciphertext does not belong to this row (copied from another) or was changed. */
    TAMPERED
  }

  public SensitiveValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
  }

  @Override
  public String toString() {
    return MASK;
  }
}
