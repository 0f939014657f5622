/**
 * Camunda 7's job and incident resources under {@code /engine-rest/job} and {@code
 * /engine-rest/incident}, each operation one call of the engine's {@code ManagementService}.
 */
package io.bulwark.server.rest.job;
