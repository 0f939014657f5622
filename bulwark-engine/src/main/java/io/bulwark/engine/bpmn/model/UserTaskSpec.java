package io.bulwark.engine.bpmn.model;

import io.bulwark.engine.expression.Expression;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Assignment and form of a user task. Every value is an {@link Expression} (a literal when the
 * model has plain text); null means absent. Candidate lists hold one expression per comma-separated
 * entry, or one expression that may return a list. {@code camundaForm} is set when the form is a
 * Camunda Form ({@code camunda:formRef} or a {@code camunda-forms:deployment:} form key); its
 * fields are read from the deployed form.
 */
public record UserTaskSpec(
    @Nullable Expression assignee,
    List<Expression> candidateUsers,
    List<Expression> candidateGroups,
    @Nullable Expression dueDate,
    @Nullable Expression priority,
    @Nullable String formKey,
    List<FormField> formFields,
    @Nullable CamundaFormRef camundaForm,
    @Nullable Expression followUpDate) {

  public UserTaskSpec {
    candidateUsers = List.copyOf(candidateUsers);
    candidateGroups = List.copyOf(candidateGroups);
    formFields = List.copyOf(formFields);
  }
}
