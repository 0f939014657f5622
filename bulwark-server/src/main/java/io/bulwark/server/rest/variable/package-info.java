/**
 * Camunda 7's typed variable JSON ({@code {"value":…,"type":…,"valueInfo":{…}}}) in both
 * directions, in one place: {@link io.bulwark.server.rest.variable.VariableJson} is the only
 * converter between request and answer bodies and the engine's variable values, so that every
 * endpoint accepts and answers the same types with the same limits (E4, W11).
 */
package io.bulwark.server.rest.variable;
