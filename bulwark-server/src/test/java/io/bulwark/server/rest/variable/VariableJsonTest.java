package io.bulwark.server.rest.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.api.SensitiveValue;
import io.bulwark.engine.api.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VariableJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode node(String json) {
    return JSON.readTree(json);
  }

  private static Object read(String typedJson) {
    return VariableJson.valueToEngine("v", node(typedJson));
  }

  @Test
  void readsEveryCamundaTypeAsTheEngineValue() {
    assertThat(read("{\"value\":\"text\",\"type\":\"String\"}")).isEqualTo("text");
    assertThat(read("{\"value\":true,\"type\":\"Boolean\"}")).isEqualTo(true);
    assertThat(read("{\"value\":42,\"type\":\"Integer\"}")).isEqualTo(42L);
    assertThat(read("{\"value\":-7,\"type\":\"Short\"}")).isEqualTo(-7L);
    assertThat(read("{\"value\":9007199254740993,\"type\":\"Long\"}")).isEqualTo(9007199254740993L);
    assertThat(read("{\"value\":2.5,\"type\":\"Double\"}")).isEqualTo(2.5);
    assertThat(read("{\"value\":3,\"type\":\"double\"}")).isEqualTo(3.0);
    assertThat(read("{\"value\":\"2013-01-23T13:42:45.000+0200\",\"type\":\"Date\"}"))
        .isEqualTo(Instant.parse("2013-01-23T11:42:45Z"));
    assertThat(read("{\"value\":\"2013-01-23T13:42:45+02:00\",\"type\":\"Date\"}"))
        .isEqualTo(Instant.parse("2013-01-23T11:42:45Z"));
    assertThat(read("{\"value\":\"AQID\",\"type\":\"Bytes\"}")).isEqualTo(new byte[] {1, 2, 3});
    assertThat(read("{\"value\":null,\"type\":\"Null\"}")).isNull();
    assertThat(read("{\"value\":\"ignored\",\"type\":\"Null\"}")).isNull();
  }

  @Test
  void e4_jsonIsStoredAsJsonWhetherSentAsTextOrAsDocument() {
    assertThat(read("{\"value\":\"{\\\"a\\\":[1,2]}\",\"type\":\"Json\"}"))
        .isEqualTo(node("{\"a\":[1,2]}"));
    assertThat(read("{\"value\":{\"a\":[1,2]},\"type\":\"Json\"}"))
        .isEqualTo(node("{\"a\":[1,2]}"));
    assertThat(
            read(
                "{\"value\":\"{\\\"a\\\":1}\",\"type\":\"Object\",\"valueInfo\":"
                    + "{\"objectTypeName\":\"com.example.Order\","
                    + "\"serializationDataFormat\":\"application/json\"}}"))
        .isEqualTo(node("{\"a\":1}"));
  }

  @Test
  void missingTypeIsInferredAsCamundaDoes() {
    assertThat(read("{\"value\":\"text\"}")).isEqualTo("text");
    assertThat(read("{\"value\":false}")).isEqualTo(false);
    assertThat(read("{\"value\":7}")).isEqualTo(7L);
    assertThat(read("{\"value\":7.25}")).isEqualTo(7.25);
    assertThat(read("{\"value\":null}")).isNull();
    assertThat(read("{}")).isNull();
    assertThat(read("{\"value\":{\"k\":\"v\"}}")).isEqualTo(node("{\"k\":\"v\"}"));
  }

  @ParameterizedTest
  @CsvSource({
    "application/x-java-serialized-object",
    "application/xml",
    "''",
  })
  void e4_objectsNotSerializedAsJsonAreRefusedNamingTheVariable(String format) {
    String json =
        "{\"value\":\"rO0ABXQABGFiY2Q=\",\"type\":\"Object\",\"valueInfo\":"
            + "{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\""
            + format
            + "\"}}";
    assertThatThrownBy(() -> VariableJson.valueToEngine("order", node(json)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("variable 'order'")
        .hasMessageContaining("E4");
    assertThatThrownBy(
            () ->
                VariableJson.valueToEngine("order", node("{\"value\":\"x\",\"type\":\"Object\"}")))
        .hasMessageContaining("variable 'order'");
  }

  @Test
  void unknownTypeIsRefusedNamingVariableAndType() {
    assertThatThrownBy(() -> read("{\"value\":1,\"type\":\"Decimal\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("variable 'v' has unknown type 'Decimal'");
    assertThatThrownBy(() -> read("{\"value\":null,\"type\":\"Decimal\"}"))
        .hasMessageContaining("unknown type 'Decimal'");
    assertThatThrownBy(() -> read("{\"value\":\"AQID\",\"type\":\"File\"}"))
        .hasMessageContaining("variable 'v' has type File");
  }

  @Test
  void w5_hostileTypeNamesAndVariableNamesAreNotEchoed() {
    String hostile = "x' OR 1=1; DROP TABLE bw_variable; --";
    assertThatThrownBy(
            () ->
                VariableJson.valueToEngine(
                    "v", node("{\"value\":1,\"type\":" + JSON.writeValueAsString(hostile) + "}")))
        .isInstanceOf(ValidationException.class)
        .message()
        .doesNotContain("DROP");
    assertThatThrownBy(() -> VariableJson.valueToEngine(hostile, node("{\"value\":1}")))
        .isInstanceOf(ValidationException.class)
        .message()
        .doesNotContain("DROP");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"value\":2147483648,\"type\":\"Integer\"}|Integer",
        "{\"value\":40000,\"type\":\"Short\"}|Short",
        "{\"value\":99999999999999999999999,\"type\":\"Long\"}|Long",
        "{\"value\":1.5,\"type\":\"Long\"}|Long",
        "{\"value\":\"12\",\"type\":\"Integer\"}|Integer",
        "{\"value\":\"yes\",\"type\":\"Boolean\"}|Boolean",
        "{\"value\":\"NaN\",\"type\":\"Double\"}|Double",
        "{\"value\":1e999,\"type\":\"Double\"}|Double",
        "{\"value\":\"yesterday\",\"type\":\"Date\"}|Date",
        "{\"value\":{\"a\":1},\"type\":\"String\"}|String",
        "{\"value\":\"not base64!\",\"type\":\"Bytes\"}|Bytes",
        "{\"value\":\"{not json\",\"type\":\"Json\"}|Json",
      })
  void wrongValuesForTheirTypeAre400NamingVariableAndType(String typed, String type) {
    assertThatThrownBy(() -> read(typed))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("variable 'v'")
        .hasMessageContaining(type);
  }

  @Test
  void w11_jsonDepthIsBounded() {
    String deep = "[".repeat(VariableJson.MAX_JSON_DEPTH + 1) + "]".repeat(33);
    assertThatThrownBy(() -> read("{\"value\":" + deep + ",\"type\":\"Json\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("deeper than 32");
    assertThatThrownBy(
            () -> read("{\"value\":" + JSON.writeValueAsString(deep) + ",\"type\":\"Json\"}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("variable 'v'");
    String ok = "[".repeat(VariableJson.MAX_JSON_DEPTH) + "]".repeat(32);
    assertThat(read("{\"value\":" + ok + ",\"type\":\"Json\"}")).isNotNull();
  }

  @Test
  void w11_valueSizeIsBounded() {
    String big = "x".repeat(VariableJson.MAX_VALUE_BYTES + 1);
    assertThatThrownBy(() -> read("{\"value\":\"" + big + "\",\"type\":\"String\"}"))
        .hasMessageContaining("larger than " + VariableJson.MAX_VALUE_BYTES);
    String base64 = "A".repeat((VariableJson.MAX_VALUE_BYTES / 3 + 2) * 4);
    assertThatThrownBy(() -> read("{\"value\":\"" + base64 + "\",\"type\":\"Bytes\"}"))
        .hasMessageContaining("larger than");
  }

  @Test
  void w11_variableCountIsBounded() {
    Map<String, JsonNode> many = new LinkedHashMap<>();
    for (int i = 0; i <= VariableJson.MAX_VARIABLES; i++) {
      many.put("v" + i, node("{\"value\":1}"));
    }
    assertThatThrownBy(() -> VariableJson.toEngine(many))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most " + VariableJson.MAX_VARIABLES);
    assertThat(VariableJson.toEngine(null)).isEmpty();
  }

  @Test
  void answersEveryEngineValueInCamundaShape() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("s", "text");
    values.put("b", true);
    values.put("l", 5L);
    values.put("d", 1.5);
    values.put("t", Instant.parse("2013-01-23T11:42:45.120Z"));
    values.put("j", Map.of("a", List.of(1, 2)));
    values.put("y", new byte[] {1, 2, 3});
    values.put("n", null);
    String json = JSON.writeValueAsString(VariableJson.toCamunda(values));
    assertThat(json)
        .isEqualTo(
            "{\"s\":{\"value\":\"text\",\"type\":\"String\",\"valueInfo\":{}},"
                + "\"b\":{\"value\":true,\"type\":\"Boolean\",\"valueInfo\":{}},"
                + "\"l\":{\"value\":5,\"type\":\"Long\",\"valueInfo\":{}},"
                + "\"d\":{\"value\":1.5,\"type\":\"Double\",\"valueInfo\":{}},"
                + "\"t\":{\"value\":\"2013-01-23T11:42:45.120+0000\",\"type\":\"Date\","
                + "\"valueInfo\":{}},"
                + "\"j\":{\"value\":\"{\\\"a\\\":[1,2]}\",\"type\":\"Json\",\"valueInfo\":{}},"
                + "\"y\":{\"value\":\"AQID\",\"type\":\"Bytes\",\"valueInfo\":{}},"
                + "\"n\":{\"value\":null,\"type\":\"Null\",\"valueInfo\":{}}}");
  }

  @Test
  void answersReadBackAsTheSameValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("t", Instant.parse("2024-02-29T23:59:59.999Z"));
    values.put("y", new byte[] {(byte) 0xff, 0});
    values.put("j", Map.of("k", "v"));
    Map<String, JsonNode> roundTrip = new LinkedHashMap<>();
    VariableJson.toCamunda(values)
        .forEach((name, typed) -> roundTrip.put(name, JSON.valueToTree(typed)));
    Map<String, Object> back = VariableJson.toEngine(roundTrip);
    assertThat(back.get("t")).isEqualTo(values.get("t"));
    assertThat(back.get("y")).isEqualTo(values.get("y"));
    assertThat(back.get("j")).isEqualTo(node("{\"k\":\"v\"}"));
  }

  @Test
  void d5_aSensitiveValueIsAnsweredAsTheMaskWithItsTypeAndState() {
    JsonNode masked =
        node(
            JSON.writeValueAsString(
                VariableJson.valueToCamunda(
                    new SensitiveValue("string", SensitiveValue.State.MASKED))));
    assertThat(masked.get("value").asString()).isEqualTo("***");
    assertThat(masked.get("type").asString()).isEqualTo("String");
    assertThat(masked.get("valueInfo").get("sensitive").asBoolean()).isTrue();
    assertThat(masked.get("valueInfo").get("state").asString()).isEqualTo("masked");
    VariableValueJson destroyed =
        VariableJson.valueToCamunda(new SensitiveValue("long", SensitiveValue.State.DESTROYED));
    assertThat(destroyed.value()).isEqualTo("***");
    assertThat(destroyed.type()).isEqualTo("Long");
    assertThat(destroyed.valueInfo()).containsEntry("state", "destroyed");
  }
}
