/**
 * The server's side of the audit log (D4): the one writer through which the authentication event
 * log and the start-up doctor reach the engine's tamper-evident audit log.
 */
package io.bulwark.server.audit;
