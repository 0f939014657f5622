/**
 * Side-effect-free expressions (E2), compiled when a model is deployed and evaluated against
 * process variables at run time. Two languages: a small {@code ${…}} subset of the Camunda 7
 * expression language, parsed by our own recursive-descent parser ({@link
 * io.bulwark.engine.expression.ElParser}), and FEEL through the Camunda FEEL engine with Java
 * function invocation disabled. Neither can reach Java classes, methods, reflection, files or the
 * network: a model whose expressions try is rejected when it is compiled.
 */
package io.bulwark.engine.expression;
