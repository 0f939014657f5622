package io.bulwark.bench.api;

/**
 * The three W2 variables.
 *
 * @param label a string variable
 * @param amount an integer variable; the gateway takes the high branch when above 1000
 * @param json a JSON document, stored by each engine as its documented JSON type (or string)
 */
public record GatewayVariables(String label, long amount, String json) {}
