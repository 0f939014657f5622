package io.bulwark.engine.form;

/**
 * A deployed Camunda Form: its definition row ({@code bw_form_definition}), the resource it was
 * read from, and the form read from it.
 */
public record DeployedForm(
    String definitionId, int version, String deploymentId, String resourceName, CamundaForm form) {}
