/**
 * The {@code bulwark} command: parses its options, maps them to the server's {@code bulwark.*}
 * properties and starts the server ({@code serve}); usage errors exit with status 2 and a one-line
 * message, never a stack trace.
 */
package io.bulwark.cli;
