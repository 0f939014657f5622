/**
 * Camunda 7 under test: a standalone process engine with its documented defaults (MyBatis pooled
 * data source, history level as the engine sets it, job executor off), authorization on for W3.
 */
package io.bulwark.bench.camunda;
