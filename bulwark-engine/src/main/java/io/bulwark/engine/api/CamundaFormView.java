package io.bulwark.engine.api;

import org.jspecify.annotations.Nullable;

/**
 * The Camunda Form (form-js JSON) of a task or start event, as deployed: its form id and version,
 * how the model names it ({@code binding}: latest, deployment or version; {@code key}: the {@code
 * camunda-forms:deployment:} form key when named by resource), and the JSON the form-js viewer
 * renders.
 */
public record CamundaFormView(
    String formId,
    int version,
    String binding,
    @Nullable String key,
    String resourceName,
    String json) {}
