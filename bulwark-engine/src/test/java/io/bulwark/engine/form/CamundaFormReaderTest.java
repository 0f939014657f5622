package io.bulwark.engine.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.engine.bpmn.BpmnValidationException;
import io.bulwark.engine.bpmn.Problem;
import io.bulwark.engine.bpmn.model.FormField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Camunda Form schema reader: what a form becomes, and what it refuses (W10, Z10). */
class CamundaFormReaderTest {

  private static byte[] form(String components) {
    return ("{\"id\":\"f\",\"type\":\"default\",\"components\":[" + components + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> problems(byte[] form) {
    try {
      CamundaFormReader.read(form);
    } catch (BpmnValidationException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("the form was accepted");
  }

  @Test
  void w10_modelerFormBecomesCheckedFields() {
    CamundaForm form = CamundaFormReader.read(TestForms.invoice());

    assertThat(form.id()).isEqualTo("invoice");
    assertThat(form.fields())
        .extracting(FormField::id, FormField::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("creditor", "string"),
            org.assertj.core.groups.Tuple.tuple("amount", "double"),
            org.assertj.core.groups.Tuple.tuple("category", "enum"),
            org.assertj.core.groups.Tuple.tuple("checks", FormField.LIST_TYPE),
            org.assertj.core.groups.Tuple.tuple("urgent", "boolean"),
            org.assertj.core.groups.Tuple.tuple("payOn", "string"),
            org.assertj.core.groups.Tuple.tuple("note", "string"),
            org.assertj.core.groups.Tuple.tuple("reference", "string"));
    assertThat(form.fields().get(0).constraints())
        .containsExactly(
            new FormField.Constraint("required", null),
            new FormField.Constraint("minlength", "2"),
            new FormField.Constraint("maxlength", "40"),
            new FormField.Constraint("pattern", "[A-Z].*"));
    assertThat(form.fields().get(1).constraints())
        .containsExactly(
            new FormField.Constraint("required", null),
            new FormField.Constraint("min", "1"),
            new FormField.Constraint("max", "10000"));
    assertThat(form.fields().get(2).enumValues())
        .extracting(FormField.EnumValue::id)
        .containsExactly("travel", "office");
    assertThat(form.fields().get(5).constraints())
        .extracting(FormField.Constraint::name)
        .containsExactly("pattern");
    assertThat(form.fields().get(7).constraints())
        .containsExactly(new FormField.Constraint("readonly", null));
    assertThat(form.json()).contains("# Approve the invoice");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "unknown input type|{\"type\":\"filepicker\",\"id\":\"F1\",\"key\":\"upload\"}"
            + "|component 'F1' (filepicker 'upload') has type 'filepicker'",
        "html component|{\"type\":\"html\",\"id\":\"H1\",\"content\":\"<b>x</b>\"}|type 'html'",
        "dynamic options|{\"type\":\"select\",\"id\":\"S1\",\"key\":\"s\",\"valuesKey\":\"opts\"}"
            + "|takes its options from 'valuesKey'",
        "conditional|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"t\","
            + "\"conditional\":{\"hide\":\"=true\"}}|has conditional visibility",
        "expression in readonly|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"t\","
            + "\"readonly\":\"=x\"}|'readonly' must be true or false",
        "nested key|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"a.b\"}|needs a 'key'",
        "repeated key|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"a\"},"
            + "{\"type\":\"number\",\"id\":\"T2\",\"key\":\"a\"}|repeats key 'a'",
        "bad pattern|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"t\","
            + "\"validate\":{\"pattern\":\"(a\"}}|not a valid RE2 regular expression",
        "backreference|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"t\","
            + "\"validate\":{\"pattern\":\"(a)\\\\1\"}}|not a valid RE2 regular expression",
        "fractional min|{\"type\":\"number\",\"id\":\"N1\",\"key\":\"n\","
            + "\"validate\":{\"min\":0.5}}|validate.min must be a whole number",
        "email check|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"t\","
            + "\"validate\":{\"validationType\":\"email\"}}|validate.validationType",
        "unknown property|{\"type\":\"textfield\",\"id\":\"T1\",\"key\":\"t\",\"onChange\":1}"
            + "|property 'onChange'",
        "options not strings|{\"type\":\"radio\",\"id\":\"R1\",\"key\":\"r\","
            + "\"values\":[{\"label\":\"a\",\"value\":1}]}|non-empty string 'value'",
      })
  void z10_formTheServerCannotValidateIsRefused(String what, String components, String problem) {
    assertThat(problems(form(components))).anySatisfy(p -> assertThat(p).contains(problem));
  }

  @Test
  void z10_badSchemaIsRefused() {
    assertThat(problems("[]".getBytes(StandardCharsets.UTF_8)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("a form is a JSON object");
    assertThat(problems("{\"components\":[]}".getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(p -> assertThat(p).contains("needs an 'id'"));
    assertThat(problems("{\"id\":\"f\",\"id\":\"g\",\"components\":[]}".getBytes()))
        .anySatisfy(p -> assertThat(p).contains("not acceptable JSON").contains("Duplicate"));
    assertThat(problems("{\"id\":\"f\"}".getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(p -> assertThat(p).contains("no 'components' array"));
  }

  @Test
  void z10_depthAndSizeAreBounded() {
    String deep =
        "{\"id\":\"f\",\"components\":[" + "{\"type\":\"group\",\"components\":[".repeat(40);
    assertThat(problems(deep.getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(p -> assertThat(p).contains("not acceptable JSON").contains("depth"));
    byte[] big = new byte[CamundaFormReader.MAX_BYTES + 1];
    assertThatThrownBy(() -> CamundaFormReader.read(big))
        .isInstanceOf(BpmnValidationException.class)
        .hasMessageContaining("at most " + CamundaFormReader.MAX_BYTES);
  }
}
