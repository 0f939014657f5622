/**
 * Outbound e-mail over SMTP with TLS required and the server's certificate and host name verified
 * (T7): the settings ({@code bulwark.mail.*}), the sender that the password recovery uses (A11),
 * and the doctor check of every outbound connection's transport security.
 */
package io.bulwark.server.mail;
