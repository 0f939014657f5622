package io.bulwark.engine.variable;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code bw_variable}; see {@link VariableRows} for how each type is stored. The byte
 * array is defensively copied. {@code cipherKey} is null for a clear value; for a sensitive one it
 * names the key whose ciphertext {@code bytesValue} holds (D1, D2; see {@link SensitiveFields}).
 */
public record VariableRow(
    String id,
    String scopeId,
    ScopeType scopeType,
    String processInstanceId,
    String name,
    ValueType valueType,
    @Nullable String textValue,
    @Nullable Long longValue,
    @Nullable Double doubleValue,
    byte @Nullable [] bytesValue,
    long rev,
    @Nullable Integer cipherKey) {

  public VariableRow {
    bytesValue = bytesValue == null ? null : bytesValue.clone();
  }

  /** The same row at another revision. */
  public VariableRow withRev(long newRev) {
    return new VariableRow(
        id,
        scopeId,
        scopeType,
        processInstanceId,
        name,
        valueType,
        textValue,
        longValue,
        doubleValue,
        bytesValue,
        newRev,
        cipherKey);
  }

  @Override
  public byte @Nullable [] bytesValue() {
    return bytesValue == null ? null : bytesValue.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VariableRow r
        && id.equals(r.id)
        && scopeId.equals(r.scopeId)
        && scopeType == r.scopeType
        && Objects.equals(processInstanceId, r.processInstanceId)
        && name.equals(r.name)
        && valueType == r.valueType
        && Objects.equals(textValue, r.textValue)
        && Objects.equals(longValue, r.longValue)
        && Objects.equals(doubleValue, r.doubleValue)
        && Arrays.equals(bytesValue, r.bytesValue)
        && rev == r.rev
        && Objects.equals(cipherKey, r.cipherKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, scopeId, name, valueType, rev);
  }

  @Override
  public String toString() {
    // Values may be sensitive: only the identity of the row is shown.
    return "VariableRow[id="
        + id
        + ", scope="
        + scopeType
        + " "
        + scopeId
        + ", name="
        + name
        + ", type="
        + valueType
        + ", rev="
        + rev
        + (cipherKey == null ? "" : ", sensitive")
        + "]";
  }
}
