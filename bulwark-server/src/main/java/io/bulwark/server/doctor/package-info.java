/**
 * The hardening audit {@code doctor} (O1): local checks of configuration and database, remote
 * probes of a live server, and their report.
 */
package io.bulwark.server.doctor;
