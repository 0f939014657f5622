/**
 * The REST workload of issue 14: process starts, the external-task round trip and a task-list page
 * over HTTPS against Bulwark's server and Camunda 7.24's REST starter, side by side.
 */
package io.bulwark.bench.rest;
