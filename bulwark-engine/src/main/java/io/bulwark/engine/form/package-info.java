/**
 * Camunda Forms (form-js JSON): the schema reader that turns a {@code .form} resource into form
 * fields checked on the server (W10), and the lookup of a deployed form by id or resource.
 */
package io.bulwark.engine.form;
