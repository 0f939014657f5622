/** Camunda 7.24's REST API served by its Spring Boot starter, for the REST workload. */
package io.bulwark.bench.camundarest;
