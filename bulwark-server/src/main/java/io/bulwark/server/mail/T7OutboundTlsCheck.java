package io.bulwark.server.mail;

import io.bulwark.server.doctor.Finding;
import io.bulwark.server.doctor.LocalCheck;
import io.bulwark.server.ldap.LdapSettings;

/**
 * Doctor check T7: every configured outbound connection (SMTP, LDAP) requires TLS with certificate
 * and host-name verification. FAIL when mail is allowed to travel in plaintext; PASS otherwise,
 * naming what is configured.
 */
public final class T7OutboundTlsCheck implements LocalCheck {

  private final MailSettings mail;
  private final LdapSettings ldap;

  public T7OutboundTlsCheck(MailSettings mail, LdapSettings ldap) {
    this.mail = mail;
    this.ldap = ldap;
  }

  @Override
  public String id() {
    return "T7";
  }

  @Override
  public Finding run() {
    if (mail.enabled() && mail.allowInsecurePlaintext()) {
      return Finding.fail(
          id(),
          "mail to "
              + mail.host()
              + " is sent without TLS (bulwark.mail.allow-insecure-plaintext): reset links can be"
              + " read on the way",
          "use STARTTLS or implicit TLS (bulwark.mail.transport) and remove"
              + " bulwark.mail.allow-insecure-plaintext");
    }
    // Plain LDAP refuses to start (LdapSettings), so a running LDAP client always verifies TLS.
    return Finding.pass(id(), "SMTP: " + mail.describe() + "; LDAP: " + ldap.describe());
  }
}
