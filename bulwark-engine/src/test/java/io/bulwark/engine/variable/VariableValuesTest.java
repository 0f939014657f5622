package io.bulwark.engine.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class VariableValuesTest {

  private final VariableValues values = new VariableValues(VariableSettings.defaults());

  /** A plain class a JSON document could be bound to if binding were open. */
  public static final class Order {
    public String item;
  }

  @Test
  void e4_rejectsJavaSerializedValue() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
      stream.writeObject(new ArrayList<>(List.of("x")));
    }
    assertThatThrownBy(() -> values.fromJava("payload", out.toByteArray()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("variable 'payload' holds a Java-serialized object, which is refused (E4)");
  }

  @Test
  void e4_rejectsObjectTypeFromClient() {
    JsonNode value = JsonNodeFactory.instance.stringNode("rO0ABXNyABFqYXZh");
    for (String type : List.of("Object", "serializable")) {
      assertThatThrownBy(() -> values.fromClient("order", type, value))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("variable 'order'")
          .hasMessageContaining("(E4)");
    }
  }

  @Test
  void e4_rejectsSerializedBytesFromClient() {
    JsonNode value = JsonNodeFactory.instance.stringNode("rO0ABXNyABFqYXZh");
    assertThatThrownBy(() -> values.fromClient("blob", "Bytes", value))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Java-serialized");
  }

  @Test
  void e4_rejectsArbitraryJavaObjects() {
    assertThatThrownBy(() -> values.fromJava("thread", new Thread()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unsupported type java.lang.Thread");
    Map<String, Object> nested = Map.of("a", Map.of("b", new Order()));
    assertThatThrownBy(() -> values.fromJava("doc", nested))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at $.a.b");
  }

  @Test
  void e4_jsonNeverBoundToArbitraryClass() {
    TypedValue.JsonValue json = (TypedValue.JsonValue) values.fromJava("o", Map.of("item", "x"));

    assertThatThrownBy(() -> values.json().bind("o", json, Order.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not on the JSON binding allowlist (E4)");
    Map<?, ?> tree = values.json().bind("o", json, Map.class);
    assertThat(tree.get("item")).isEqualTo("x");

    VariableValues allowing =
        new VariableValues(
            VariableSettings.defaults().withJsonBindingAllowlist(Set.of(Order.class.getName())));
    assertThat(allowing.json().bind("o", json, Order.class).item).isEqualTo("x");
  }

  @Test
  void e4_allowlistRefusesWildcardEverything() {
    assertThatThrownBy(() -> VariableSettings.defaults().withJsonBindingAllowlist(Set.of("*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("every class");
  }

  @Test
  void w11_rejectsOversizedValue() {
    String big = "x".repeat(1024 * 1024 + 1);
    assertThatThrownBy(() -> values.fromJava("note", big))
        .isInstanceOf(ValidationException.class)
        .hasMessage("variable 'note' is 1048577 bytes; the limit is 1048576 (W11)");
    assertThatThrownBy(() -> values.fromJava("blob", new byte[1024 * 1024 + 1]))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit is 1048576");
    assertThatThrownBy(() -> values.fromJava("doc", Map.of("k", big)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("variable 'doc'");
  }

  @Test
  void w11_jsonDepthLimit() {
    String deep = "[".repeat(33) + "]".repeat(33);
    assertThatThrownBy(
            () -> values.fromClient("doc", "Json", JsonNodeFactory.instance.stringNode(deep)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("variable 'doc' is not acceptable JSON")
        .hasMessageContaining("32");
    Object nested = List.of();
    for (int i = 0; i < 40; i++) {
      nested = List.of(nested);
    }
    Object tooDeep = nested;
    assertThatThrownBy(() -> values.fromJava("doc", tooDeep))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nests deeper than 32");
    String ok = "[".repeat(32) + "]".repeat(32);
    assertThat(values.fromClient("doc", "json", JsonNodeFactory.instance.stringNode(ok)))
        .isEqualTo(new TypedValue.JsonValue(ok));
  }

  @Test
  void w11_rejectsLongNumbersAndDuplicateKeys() {
    String longNumber = "[" + "9".repeat(101) + "]";
    assertThatThrownBy(
            () -> values.fromClient("n", "json", JsonNodeFactory.instance.stringNode(longNumber)))
        .isInstanceOf(ValidationException.class);
    String duplicate = "{\"a\":1,\"a\":2}";
    assertThatThrownBy(
            () -> values.fromClient("d", "json", JsonNodeFactory.instance.stringNode(duplicate)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void w11_rejectsBadNames() {
    assertThatThrownBy(() -> values.fromJava("x".repeat(256), "v"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("variable name of 256 characters exceeds the limit of 255 (W11)");
    assertThatThrownBy(() -> values.fromJava("a b", "v"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> values.fromJava("", "v")).isInstanceOf(ValidationException.class);
  }

  @Test
  void w11_rejectsTooManyVariablesByCount() {
    assertThatThrownBy(() -> values.checkCount("exec-1", 1001))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope exec-1 would hold 1001 variables; the limit is 1000 (W11)");
  }

  @Test
  void convertsJavaValuesToTypes() {
    Instant at = Instant.parse("2026-03-04T05:06:07.890123Z");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("b", 1);
    doc.put("a", List.of(true, "x"));
    doc.put("n", null);

    assertThat(values.fromJava("s", "text")).isEqualTo(new TypedValue.StringValue("text"));
    assertThat(values.fromJava("i", 42)).isEqualTo(new TypedValue.LongValue(42));
    assertThat(values.fromJava("d", 1.5)).isEqualTo(new TypedValue.DoubleValue(1.5));
    assertThat(values.fromJava("b", Boolean.TRUE)).isEqualTo(new TypedValue.BooleanValue(true));
    assertThat(values.fromJava("t", at))
        .isEqualTo(new TypedValue.DateValue(Instant.parse("2026-03-04T05:06:07.890Z")));
    assertThat(values.fromJava("t", Date.from(at))).isEqualTo(values.fromJava("t", at));
    assertThat(values.fromJava("j", doc))
        .isEqualTo(new TypedValue.JsonValue("{\"b\":1,\"a\":[true,\"x\"],\"n\":null}"));
    assertThat(values.fromJava("z", null)).isEqualTo(new TypedValue.NullValue());
  }

  @Test
  void convertsClientValuesToTypes() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    assertThat(values.fromClient("d", "Date", nodes.stringNode("2026-01-01T10:00:00+02:00")))
        .isEqualTo(new TypedValue.DateValue(Instant.parse("2026-01-01T08:00:00Z")));
    assertThat(values.fromClient("l", "Integer", nodes.numberNode(7L)))
        .isEqualTo(new TypedValue.LongValue(7));
    assertThat(values.fromClient("j", "Json", nodes.stringNode("{ \"a\" : [1, 2] }")))
        .isEqualTo(new TypedValue.JsonValue("{\"a\":[1,2]}"));
    assertThatThrownBy(() -> values.fromClient("f", "File", nodes.stringNode("x")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> values.fromClient("q", "Decimal", nodes.stringNode("1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("unknown type 'Decimal'");
  }
}
