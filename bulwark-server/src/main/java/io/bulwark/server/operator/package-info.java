/**
 * What an operator does at the console without the web apps ({@code bulwark admin}): create a user
 * with a one-time password, reset a password, unlock, disable, enable, list locked accounts. The
 * same {@link io.bulwark.server.operator.OperatorActions} run offline on the data directory, or
 * through the running server's admin channel under {@code /internal/admin} on loopback, which only
 * someone who can read the data directory can use (W7, A5, A7).
 */
package io.bulwark.server.operator;
