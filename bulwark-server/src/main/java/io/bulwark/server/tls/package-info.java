/**
 * HTTPS for the embedded servlet container (T1–T4): the TLS policy and its settings, the server
 * certificate (configured PEM or PKCS#12, or a generated self-signed one), the customizer that puts
 * them on the single HTTPS connector, and the doctor checks that prove them.
 */
package io.bulwark.server.tls;
